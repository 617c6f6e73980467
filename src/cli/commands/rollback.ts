// rmctl rollback <commit> | --backup <id|latest>: deploy the sources as they were at a commit (read with
// `git show`, the working tree is never touched), or a backup, through the same transaction as apply.
// The current deployed file is always backed up first. Unknown commit, missing files, a config that no
// longer validates, an unknown backup: a clear error and nothing changed.
import { relative } from 'node:path';
import type { Command } from 'commander';
import { BackupStore } from '../../deploy/backup.js';
import { candidateAtCommit, candidateFromCompiled, checkCompiledText, type CandidateResult } from '../../deploy/candidate.js';
import { repoRoot } from '../../deploy/git.js';
import { hasErrors } from '../../shared/diagnostics.js';
import { EXIT, RainyModelError } from '../../shared/errors.js';
import type { CliContext } from '../context.js';
import { addDeployOptions, deployCandidate, handleCommandError, recordRefusal, reportDiagnostics, requireTarget, settingsFrom, type DeployFlags } from '../deploy-flow.js';

interface RollbackFlags extends DeployFlags {
  backup?: string;
  compiled?: boolean;
  repo?: string;
}

export function register(program: Command, ctx: CliContext): void {
  addDeployOptions(program.command('rollback'))
    .description('deploy the sources as they were at a git commit, or a backup, through the apply transaction (backup first)')
    .argument('[commit]', 'commit (sha, tag, HEAD~2, ...) whose sources to deploy')
    .option('--backup <id>', 'restore this backup instead (an id from `rmctl backups`, a unique prefix, or "latest")')
    .option('--compiled', 'deploy the compiled file as committed at <commit> instead of compiling its sources')
    .option('--repo <dir>', 'git repository to read from (default: the one holding the providers file)')
    .option('--providers <file>', 'provider registry path in the repository (deploy.providers)')
    .option('--mappings <file>', 'routing map path in the repository (deploy.mappings)')
    .action(async (commit: string | undefined, flags: RollbackFlags) => {
      try {
        if ((commit === undefined) === (flags.backup === undefined)) {
          ctx.err('error: give either a commit or --backup <id|latest>');
          ctx.exitCode = EXIT.usage;
          return;
        }
        const { settings, diagnostics: settingsDiagnostics } = settingsFrom(flags);
        if (reportDiagnostics(ctx, settingsDiagnostics, flags)) {
          ctx.exitCode = EXIT.invalid;
          return;
        }
        requireTarget(settings);
        const target = settings.target as string;

        const command = ['rollback', ...process.argv.slice(3)].join(' ');
        const refused = (exitCode: number, error: string, sourcesCommit: string | null = null): Promise<void> =>
          flags.dryRun ? Promise.resolve() : recordRefusal(ctx, settings, { command, reason: flags.backup !== undefined ? `rollback to backup ${flags.backup}` : `rollback to ${commit}`, sourcesCommit, exitCode, error });
        let prepared: CandidateResult;
        let reason: string;
        try {
          if (flags.backup !== undefined) {
            const { entry, content } = await new BackupStore(settings.backupDir).get(flags.backup, target);
            // A backup holds exactly the bytes that were deployed: restore them as they are (no expansion).
            const schema = checkCompiledText(content, entry.file);
            prepared = hasErrors(schema)
              ? { diagnostics: schema }
              : candidateFromCompiled(content, { file: entry.file, env: process.env, origin: `backup ${entry.id}`, sourcesCommit: entry.sources_commit, expand: false });
            reason = `rollback to backup ${entry.id}`;
          } else {
            const repo = flags.repo ?? (await repoRoot(settings.providers));
            if (!repo) throw new RainyModelError('deploy/git', `${settings.providers} is not in a git repository; pass --repo DIR`);
            const rel = (p: string): string => relative(process.cwd(), p) || p;
            const at = await candidateAtCommit({
              repo,
              rev: commit as string,
              providers: settings.providers,
              mappings: settings.mappings,
              compiled: settings.compiled,
              useCompiled: Boolean(flags.compiled),
              strict: Boolean(flags.strict),
              env: process.env,
            });
            prepared = at;
            reason = `rollback to ${at.commit.slice(0, 12)} (${flags.compiled ? rel(settings.compiled) : 'sources'})`;
          }
        } catch (err) {
          if (err instanceof RainyModelError) {
            ctx.err(`rollback: ${err.message}; nothing changed`);
            ctx.exitCode = EXIT.operational;
            await refused(EXIT.operational, err.message);
            return;
          }
          throw err;
        }
        if (reportDiagnostics(ctx, prepared.diagnostics, flags) || !prepared.candidate) {
          ctx.err(`rollback: that config does not validate; nothing deployed (${target} is unchanged)`);
          ctx.exitCode = EXIT.invalid;
          const errors = prepared.diagnostics.filter((d) => d.severity === 'error').length;
          await refused(EXIT.invalid, `${reason} does not validate (${errors} error(s))`, prepared.candidate?.sourcesCommit ?? null);
          return;
        }
        ctx.exitCode = await deployCandidate(ctx, prepared.candidate, settings, flags, {
          reason,
          command,
          backup: true,
          diagnostics: prepared.diagnostics,
        });
      } catch (err) {
        handleCommandError(ctx, err);
      }
    });
}
