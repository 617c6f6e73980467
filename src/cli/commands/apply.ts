// rmctl apply: validate and compile exactly as `rmctl generate` does, then deploy the result through the
// apply transaction (plan, lock, backup, atomic write, systemctl restart/reload, verify, auto-rollback, audit),
// by way of the deploy flow it shares with `rmctl rollback` (../deploy-flow.ts).
import type { Command } from 'commander';
import { buildFromFiles } from '../../compile/index.js';
import { candidateFromBuild } from '../../deploy/candidate.js';
import { sourcesCommit } from '../../deploy/git.js';
import { EXIT } from '../../shared/errors.js';
import type { CliContext } from '../context.js';
import { addDeployOptions, deployCandidate, handleCommandError, recordRefusal, reportDiagnostics, requireTarget, settingsFrom, type DeployFlags } from '../deploy-flow.js';

export function register(program: Command, ctx: CliContext): void {
  addDeployOptions(program.command('apply'))
    .description('validate, compile and deploy the sources: plan, lock, backup, atomic write, restart, verify, auto-rollback')
    .option('--providers <file>', 'provider registry (deploy.providers, default providers/providers.yaml)')
    .option('--mappings <file>', 'routing map (deploy.mappings, default mappings/model-mappings.yaml)')
    .option('--backup', 'back up the deployed file first (deploy.backup)')
    .option('--no-backup', 'do not back up, even when deploy.backup is true')
    .action(async (flags: DeployFlags & { backup?: boolean }) => {
      try {
        const { settings, diagnostics: settingsDiagnostics } = settingsFrom(flags);
        if (reportDiagnostics(ctx, settingsDiagnostics, flags)) {
          ctx.exitCode = EXIT.invalid;
          return;
        }
        requireTarget(settings);
        // 1. validate and compile exactly as `rmctl generate` does.
        const build = buildFromFiles(settings.providers, settings.mappings, { strict: Boolean(flags.strict), env: process.env, deployEnv: process.env });
        const commit = await sourcesCommit([settings.providers, settings.mappings]);
        const prepared = candidateFromBuild(build, {
          file: settings.target as string,
          env: process.env,
          origin: commit ? `sources at ${commit.slice(0, 12)}${commit.endsWith('+dirty') ? '+dirty' : ''}` : 'sources',
          sourcesCommit: commit,
        });
        const command = ['apply', ...process.argv.slice(3)].join(' ');
        if (reportDiagnostics(ctx, prepared.diagnostics, flags) || !prepared.candidate) {
          ctx.err(`apply: nothing deployed: fix the errors above (${settings.target} is unchanged)`);
          ctx.exitCode = EXIT.invalid;
          const errors = prepared.diagnostics.filter((d) => d.severity === 'error').length;
          if (!flags.dryRun) await recordRefusal(ctx, settings, { command, reason: 'apply', sourcesCommit: commit, exitCode: EXIT.invalid, error: `the sources do not validate (${errors} error(s))` });
          return;
        }
        ctx.exitCode = await deployCandidate(ctx, prepared.candidate, settings, flags, {
          reason: 'apply',
          command,
          backup: flags.backup ?? settings.backup,
          diagnostics: prepared.diagnostics,
        });
      } catch (err) {
        handleCommandError(ctx, err);
      }
    });
}
