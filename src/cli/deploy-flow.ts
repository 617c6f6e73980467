// The deploy flow apply and rollback share (and backups' settings): the deploy flags, settings from flags
// and rmctl.config.yaml, printing the plan, the steps and the result, and deployCandidate, which runs a
// candidate through the apply transaction (plan, lock, backup, atomic write, restart, verify, auto-rollback,
// audit). A module of src/cli/ because commands do not import each other.
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { appendRefusal } from '../deploy/audit.js';
import { BackupStore } from '../deploy/backup.js';
import type { Candidate } from '../deploy/candidate.js';
import type { Plan } from '../deploy/plan.js';
import { SystemctlService } from '../deploy/service.js';
import { resolveSettings, type DeploySettings, type SettingsOverrides } from '../deploy/settings.js';
import { watchInterrupts } from '../deploy/interrupt.js';
import { runApply, type ApplyResult, type StepEvent } from '../deploy/transaction.js';
import { hasErrors, type Diagnostic } from '../shared/diagnostics.js';
import { EXIT } from '../shared/errors.js';
import type { CliContext } from './context.js';
import { printDiagnostics } from './output.js';

export interface DeployFlags {
  settings?: string;
  target?: string;
  service?: string;
  user?: boolean;
  system?: boolean;
  reload?: boolean;
  restart?: boolean;
  healthUrl?: string;
  baseUrl?: string;
  timeout?: string;
  canary?: string;
  dryRun?: boolean;
  force?: boolean;
  yes?: boolean;
  diff?: boolean;
  format: 'text' | 'json';
  lockWait?: string;
  backupDir?: string;
  keepBackups?: string;
  auditLog?: string;
  strict?: boolean;
  providers?: string;
  mappings?: string;
}

class UsageError extends Error {}

function seconds(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`${flag} must be a non-negative number of seconds, got "${value}"`);
  return n;
}

/** The options apply and rollback share. */
export function addDeployOptions(cmd: Command): Command {
  return cmd
    .option('--settings <file>', 'deploy settings file (default: ./rmctl.config.yaml when present)')
    .option('--target <file>', 'the deployed config the proxy loads (deploy.target)')
    .option('--service <name>', 'systemd unit to restart or reload (deploy.service)')
    .option('--user', 'the unit is a user unit: systemctl --user (default)')
    .option('--system', 'the unit is a system unit: systemctl without --user')
    .option('--reload', 'ask the service to reload (systemctl reload, SIGHUP for rmctl serve) instead of restarting')
    .option('--restart', 'restart the service (default)')
    .option('--base-url <url>', 'where the proxy answers /v1/models (deploy.base_url, default http://127.0.0.1:4000)')
    .option('--health-url <url>', 'health endpoint polled after the restart (default <base-url>/health/readiness)')
    .option('--timeout <seconds>', 'how long to wait for health and the model list (default 60)')
    .option('--canary <model>', 'send one real completion to this model through the new config')
    .option('--lock-wait <seconds>', 'wait this long for another apply to finish (default 0: fail at once)')
    .option('--backup-dir <dir>', 'where backups go (default .rmctl/backups)')
    .option('--keep-backups <n>', 'backups to keep (default 10)')
    .option('--audit-log <file>', 'audit log, JSON lines (default .rmctl/audit.jsonl)')
    .option('--dry-run', 'show the plan and the diff, change nothing')
    .option('--diff', 'also print the text diff of the deployed file')
    .option('--force', 'deploy even when the deployed file is already identical (restarts and verifies again)')
    .option('--yes', 'do not ask for confirmation (required when stdin is not a terminal)')
    .option('--strict', 'treat unknown keys and unset environment variables as errors')
    .addOption(cmd.createOption('--format <format>', 'output: text (people, stderr) or json (machines, stdout)').choices(['text', 'json']).default('text'));
}

export function settingsFrom(flags: DeployFlags): { settings: DeploySettings; diagnostics: Diagnostic[] } {
  if (flags.user && flags.system) throw new UsageError('--user and --system exclude each other');
  if (flags.reload && flags.restart) throw new UsageError('--reload and --restart exclude each other');
  const keep = flags.keepBackups === undefined ? undefined : Number(flags.keepBackups);
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) throw new UsageError(`--keep-backups must be a whole number >= 1, got "${flags.keepBackups}"`);
  const overrides: SettingsOverrides & { settings?: string } = {
    ...(flags.settings ? { settings: flags.settings } : {}),
    ...(flags.providers ? { providers: flags.providers } : {}),
    ...(flags.mappings ? { mappings: flags.mappings } : {}),
    ...(flags.target ? { target: flags.target } : {}),
    ...(flags.service ? { service: flags.service } : {}),
    ...(flags.user ? { scope: 'user' as const } : flags.system ? { scope: 'system' as const } : {}),
    ...(flags.reload ? { mode: 'reload' as const } : flags.restart ? { mode: 'restart' as const } : {}),
    ...(flags.baseUrl ? { baseUrl: flags.baseUrl } : {}),
    ...(flags.healthUrl ? { healthUrl: flags.healthUrl } : {}),
    ...(flags.canary ? { canary: flags.canary } : {}),
    ...(flags.backupDir ? { backupDir: flags.backupDir } : {}),
    ...(flags.auditLog ? { auditLog: flags.auditLog } : {}),
    ...(keep !== undefined ? { keepBackups: keep } : {}),
  };
  const timeout = seconds(flags.timeout, '--timeout');
  const lockWait = seconds(flags.lockWait, '--lock-wait');
  if (timeout !== undefined) overrides.timeoutSeconds = timeout;
  if (lockWait !== undefined) overrides.lockWaitSeconds = lockWait;
  return resolveSettings(overrides);
}

function printPlan(ctx: CliContext, plan: Plan, showText: boolean): void {
  const color = ctx.color;
  if (plan.beforeUnreadable) ctx.err(color.yellow(`  the deployed file is ${plan.beforeUnreadable}; comparing as text`));
  for (const g of plan.groups) {
    const mark = g.kind === 'added' ? color.green('+') : g.kind === 'removed' ? color.red('-') : color.yellow('~');
    ctx.err(`  ${mark} ${g.name} (${g.deploymentsBefore} -> ${g.deploymentsAfter} deployments)`);
    for (const d of g.details) ctx.err(`      ${d}`);
  }
  for (const a of plan.aliases) {
    ctx.err(`  ${a.kind === 'added' ? '+' : a.kind === 'removed' ? '-' : '~'} alias ${a.alias}: ${a.before ?? '(none)'} -> ${a.after ?? '(none)'}`);
  }
  if (plan.settings.length > 0) ctx.err(`  ~ settings: ${plan.settings.join(', ')}`);
  if (showText && plan.textDiff) ctx.err(plan.textDiff.replace(/\n$/, ''));
}

function formatStep(ctx: CliContext, e: StepEvent): string {
  const color = ctx.color;
  const status = e.status === 'ok' ? color.green('ok  ') : e.status === 'failed' ? color.red('FAIL') : color.dim('skip');
  const ms = e.ms >= 1000 ? `${(e.ms / 1000).toFixed(1)} s` : `${e.ms} ms`;
  return `  ${status} ${e.step.padEnd(18)} ${ms.padStart(8)}  ${e.detail}`;
}

async function askConfirmation(target: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Deploy to ${target}? [y/N] `);
    return /^y(es)?$/i.test(answer.trim());
  } finally {
    rl.close();
  }
}

function summary(ctx: CliContext, result: ApplyResult): string {
  const color = ctx.color;
  const target = result.target;
  switch (result.outcome) {
    case 'applied':
      return color.green(`applied: ${target} is serving the new config`);
    case 'unchanged':
      return `unchanged: ${target} already holds this config (use --force to restart and verify anyway)`;
    case 'dry-run':
      return 'dry run: nothing changed';
    case 'declined':
      return 'not confirmed: nothing changed';
    case 'written':
      return color.yellow(`written: ${target} holds the new config; nothing verified it, because no service is configured and no proxy answers yet (see the verify line)`);
    case 'refused':
      return color.red(`refused: ${result.error?.message ?? 'unknown error'}; nothing was changed`);
    case 'failed':
      return color.red(`failed: ${result.error?.message ?? 'unknown error'}; nothing was changed`);
    case 'rolled-back':
      return color.red(
        `failed: ${result.error?.message ?? 'unknown error'}\n` +
          (result.plan?.beforeSha256 === null ? `rolled back: nothing was deployed before, so ${target} was removed again` : 'rolled back: the previous config is serving again'),
      );
    case 'rollback-failed':
      return color.red.bold(
        `FAILED AND ROLLBACK FAILED: ${result.error?.message ?? 'unknown error'}\n` +
          `rollback: ${result.rollbackError?.message ?? 'unknown error'}\n` +
          `${target} and the service need a person now (backups: rmctl backups)`,
      );
  }
}

function jsonResult(result: ApplyResult, candidate: Candidate, diagnostics: Diagnostic[]): string {
  const { plan } = result;
  return JSON.stringify(
    {
      outcome: result.outcome,
      exit_code: result.exitCode,
      target: result.target,
      origin: candidate.origin,
      sources_commit: candidate.sourcesCommit,
      sha256_before: plan?.beforeSha256 ?? null,
      sha256_after: candidate.sha256,
      plan: plan ? { groups: plan.groups, aliases: plan.aliases, settings: plan.settings, lines: plan.lineStats } : null,
      backup: result.backup ? { id: result.backup.id, file: result.backup.file } : null,
      steps: result.steps,
      error: result.error?.message ?? null,
      rollback_error: result.rollbackError?.message ?? null,
      recovered_lock: result.recoveredLock ?? null,
      duration_ms: result.durationMs,
      diagnostics,
    },
    null,
    2,
  );
}

/** Runs the transaction for a candidate and prints it; returns the exit code. */
export async function deployCandidate(
  ctx: CliContext,
  candidate: Candidate,
  settings: DeploySettings,
  flags: DeployFlags,
  options: { reason: string; command: string; backup: boolean; diagnostics: Diagnostic[] },
): Promise<number> {
  const target = settings.target as string;
  const text = flags.format === 'text';
  const color = ctx.color;
  const interactive = Boolean(process.stdin.isTTY && process.stderr.isTTY);
  if (!flags.yes && !flags.dryRun && !interactive) {
    throw new UsageError('stdin is not a terminal: pass --yes to deploy without confirmation (or --dry-run to only see the plan)');
  }
  if (text) {
    ctx.err(`rmctl ${options.command.split(' ')[0] ?? 'apply'}: ${candidate.origin} -> ${target}`);
    if (candidate.expansions.length > 0) {
      const vars = [...new Set(candidate.expansions.map((e) => `${e.variable}${e.usedDefault ? ' (default)' : e.toEnvReference ? ' (os.environ)' : ''}`))];
      ctx.err(color.dim(`  expanded for LiteLLM: ${vars.join(', ')}`));
    }
  }
  // SIGTERM / Ctrl-C: the transaction stops, puts back what it changed, records it, releases the lock; a
  // second signal ends the process at once, leaving the lock so the next apply restarts and verifies again.
  const interrupts = watchInterrupts({
    first: (name) => ctx.err(color.yellow(`${name}: stopping; what this apply changed is put back before it exits (${name} again to exit at once)`)),
    again: (name) => {
      ctx.err(
        color.red.bold(`${name} again: exiting now. ${target} may hold a config nobody verified; the next \`rmctl apply\` finds this apply's lock and restarts and verifies again (backups: rmctl backups)`),
      );
      process.exit(EXIT.rollbackFailed);
    },
  });
  const result = await runApply(
    {
      candidate,
      target,
      reason: options.reason,
      command: options.command,
      backup: options.backup,
      force: Boolean(flags.force),
      dryRun: Boolean(flags.dryRun),
      mode: settings.mode,
      healthUrl: settings.healthUrl,
      baseUrl: settings.baseUrl,
      timeoutMs: settings.timeoutSeconds * 1000,
      ...(settings.canary ? { canary: settings.canary } : {}),
      lockWaitMs: settings.lockWaitSeconds * 1000,
      ...(!flags.yes && interactive ? { confirm: () => askConfirmation(target) } : {}),
      signal: interrupts.signal,
    },
    {
      ...(settings.service ? { service: new SystemctlService({ name: settings.service, scope: settings.scope }) } : {}),
      backups: new BackupStore(settings.backupDir),
      keepBackups: settings.keepBackups,
      auditLog: settings.auditLog,
      env: process.env,
      onStep: text ? (e) => ctx.err(formatStep(ctx, e)) : undefined,
      onPlan: text ? (plan) => printPlan(ctx, plan, Boolean(flags.diff || flags.dryRun)) : undefined,
      // Progress goes to stderr in both formats: stdout stays one JSON document.
      onProgress: (message) => ctx.err(color.dim(`       ${message}`)),
    },
  ).finally(() => interrupts.dispose());
  if (text) ctx.err(summary(ctx, result));
  else ctx.out(jsonResult(result, candidate, options.diagnostics));
  return result.exitCode;
}

/** Prints settings/validation diagnostics; true when there are errors (exit 1). */
export function reportDiagnostics(ctx: CliContext, diagnostics: Diagnostic[], flags: DeployFlags): boolean {
  const shown = diagnostics.filter((d) => d.severity !== 'info');
  const failed = hasErrors(diagnostics);
  if (failed || (shown.length > 0 && flags.format === 'text')) printDiagnostics(failed ? diagnostics : shown, failed ? flags.format : 'text', ctx);
  return failed;
}

/** The audit record of an apply or rollback refused before its transaction (invalid sources, unknown commit). */
export async function recordRefusal(
  ctx: CliContext,
  settings: DeploySettings,
  refusal: { command: string; reason: string; sourcesCommit: string | null; exitCode: number; error: string },
): Promise<void> {
  try {
    await appendRefusal(settings.auditLog, { ...refusal, target: settings.target as string });
  } catch (err) {
    ctx.err(ctx.color.yellow(`note: ${(err as Error).message}`));
  }
}

export function requireTarget(settings: DeploySettings): void {
  if (!settings.target) {
    throw new UsageError('no target: pass --target FILE or set deploy.target in rmctl.config.yaml');
  }
}

/** Usage errors exit 64, operational errors 2; everything is one line on stderr. */
export function handleCommandError(ctx: CliContext, err: unknown): void {
  if (err instanceof UsageError) {
    ctx.err(`error: ${err.message}`);
    ctx.exitCode = EXIT.usage;
    return;
  }
  throw err;
}

