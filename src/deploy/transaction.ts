// The apply transaction, shared by `rmctl apply` and `rmctl rollback`: plan, lock, back up, write atomically,
// restart or reload, verify; on any failure after the write, put the previous bytes back, restart, verify
// again and say which config is serving. It never throws for operational failures: it returns an outcome
// with the exit code, so the CLI can always print what happened and the audit log always gets its record.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, basename, join } from 'node:path';
import { EXIT, RainyModelError, wrapError } from '../shared/errors.js';
import { appendAudit, auditBase, deployedBytesRecord, type AuditRecord } from './audit.js';
import { writeFileAtomic, removeStaleTemps } from './atomic-write.js';
import type { BackupEntry, BackupStore } from './backup.js';
import type { Candidate } from './candidate.js';
import { verify, type VerifyReport } from './health.js';
import { acquireLock, staleLockOwner, type Lock } from './lock.js';
import { makePlan, parseConfigText, publicModelNames, sha256, summarizePlan, type Plan } from './plan.js';
import type { ServiceManager } from './service.js';

export type StepName = 'plan' | 'lock' | 'backup' | 'write' | 'restart' | 'reload' | 'verify' | 'restore' | 'restart (rollback)' | 'verify (rollback)' | 'audit';

export interface StepEvent {
  step: StepName;
  status: 'ok' | 'failed' | 'skipped';
  ms: number;
  detail: string;
}

export type Outcome = 'applied' | 'unchanged' | 'dry-run' | 'declined' | 'failed' | 'rolled-back' | 'rollback-failed';

export interface ApplyRequest {
  candidate: Candidate;
  target: string;
  /** `apply`, `rollback to <commit>`, `rollback to backup <id>`: for backups and the audit log. */
  reason: string;
  /** The command line, recorded in the lock and the audit log. */
  command: string;
  backup: boolean;
  force: boolean;
  dryRun: boolean;
  mode: 'restart' | 'reload';
  healthUrl: string;
  baseUrl: string;
  timeoutMs: number;
  canary?: string;
  lockWaitMs: number;
  /** Asked after the plan is shown; absent means yes (--yes, or the caller decided). */
  confirm?: (plan: Plan) => Promise<boolean>;
}

export interface ApplyDeps {
  /** Absent: only the file is written (a proxy that watches its file, or a manual restart). */
  service?: ServiceManager;
  backups: BackupStore;
  keepBackups: number;
  auditLog?: string;
  env: Record<string, string | undefined>;
  onStep?: (event: StepEvent) => void;
  onPlan?: (plan: Plan) => void;
}

export interface ApplyResult {
  outcome: Outcome;
  exitCode: number;
  target: string;
  plan?: Plan;
  backup?: BackupEntry;
  verify?: VerifyReport;
  error?: RainyModelError;
  rollbackError?: RainyModelError;
  steps: StepEvent[];
  durationMs: number;
  /** Stale lock broken to run (its owner was killed). */
  recoveredLock?: { pid: number; startedAt: string };
}

/** The lock lives next to the deployed file: it guards that file, whichever checkout deploys to it. */
export function lockPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.rmctl.lock`);
}

async function readIfExists(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw wrapError('deploy/read', `cannot read ${path}`, err);
  }
}

function masterKeyVariable(text: string): string | undefined {
  const key = parseConfigText(text).config?.general_settings?.master_key;
  return typeof key === 'string' ? /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(key)?.[1] : undefined;
}

/** `general_settings.master_key` as the proxy will see it: literal, or `os.environ/VAR` from our environment. */
export function resolveMasterKey(text: string, env: Record<string, string | undefined>): string | undefined {
  const key = parseConfigText(text).config?.general_settings?.master_key;
  if (typeof key !== 'string' || key === '') return undefined;
  const ref = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/.exec(key);
  if (ref) return env[ref[1] as string] || undefined;
  if (key.includes('${')) return undefined;
  return key;
}

export async function runApply(req: ApplyRequest, deps: ApplyDeps): Promise<ApplyResult> {
  const started = Date.now();
  const steps: StepEvent[] = [];
  const result: ApplyResult = { outcome: 'failed', exitCode: EXIT.operational, target: req.target, steps, durationMs: 0 };

  const step = async <T>(name: StepName, fn: () => Promise<{ value: T; detail: string }>): Promise<T> => {
    const t0 = Date.now();
    try {
      const { value, detail } = await fn();
      const event: StepEvent = { step: name, status: 'ok', ms: Date.now() - t0, detail };
      steps.push(event);
      deps.onStep?.(event);
      return value;
    } catch (err) {
      const error = err instanceof RainyModelError ? err : wrapError(`deploy/${name.split(' ')[0]}`, name, err);
      const event: StepEvent = { step: name, status: 'failed', ms: Date.now() - t0, detail: error.message };
      steps.push(event);
      deps.onStep?.(event);
      throw error;
    }
  };
  const skip = (name: StepName, detail: string): void => {
    const event: StepEvent = { step: name, status: 'skipped', ms: 0, detail };
    steps.push(event);
    deps.onStep?.(event);
  };

  let lock: Lock | undefined;
  let before = null as string | null;
  let written = false;
  try {
    // 2. plan (1, validate, is the caller's: it produced the candidate)
    const labels = { before: `${req.target} (deployed)`, after: `${req.target} (${req.candidate.origin})` };
    const plan = await step('plan', async () => {
      before = await readIfExists(req.target);
      const p = makePlan(before, req.candidate.text, req.candidate.config, labels);
      return { value: p, detail: summarizePlan(p) };
    });
    result.plan = plan;
    deps.onPlan?.(plan);
    // An apply killed after its write left the new file in place but never restarted or verified it:
    // "unchanged" would be a lie then, so the next apply goes through the whole transaction again.
    // A live lock means an apply is running right now: "unchanged" would be a lie too (it may be about
    // to fail and roll back), so we go on to the lock step, which fails or waits for it.
    const lockPath = lockPathFor(req.target);
    const killed = await staleLockOwner(lockPath);
    const busy = !killed && existsSync(lockPath);
    if (plan.unchanged && killed) {
      skip('plan', `an apply (pid ${killed.pid}, since ${killed.startedAt}) was killed before it finished: restarting and verifying again`);
    }
    if (plan.unchanged && !req.force && !killed && !busy) {
      result.outcome = 'unchanged';
      result.exitCode = EXIT.ok;
      return result;
    }
    if (req.dryRun) {
      result.outcome = 'dry-run';
      result.exitCode = EXIT.ok;
      return result;
    }
    const confirmed = !plan.unchanged && req.confirm !== undefined;
    if (confirmed && req.confirm && !(await req.confirm(plan))) {
      result.outcome = 'declined';
      result.exitCode = EXIT.ok;
      return result;
    }

    // Verification needs the proxy's key; find out now, not after the restart, that we do not have it.
    const keyRef = masterKeyVariable(req.candidate.text);
    if (keyRef && !deps.env[keyRef]) {
      throw new RainyModelError(
        'deploy/master-key',
        `general_settings.master_key is os.environ/${keyRef}, but ${keyRef} is not set where apply runs, so /v1/models could not be verified; export it (the same value the service has) and run again`,
      );
    }

    // 3. lock; then look again: another apply may have changed the file while we planned or waited.
    lock = await step('lock', async () => {
      // A first deploy into a directory nobody made: say so, rather than "cannot create lock: ENOENT".
      const dir = dirname(req.target);
      if (!existsSync(dir)) {
        throw new RainyModelError('deploy/no-target-dir', `the directory of the target, ${dir}, does not exist: create it (mkdir -p ${dir}) or fix deploy.target / --target`);
      }
      const l = await acquireLock(lockPathFor(req.target), { waitMs: req.lockWaitMs, command: req.command });
      const temps = await removeStaleTemps(req.target);
      const notes = [l.path];
      if (l.recovered) notes.push(`recovered a stale lock of pid ${l.recovered.pid} (since ${l.recovered.startedAt})`);
      if (temps.length > 0) notes.push(`removed ${temps.length} temp file(s) of a killed apply`);
      return { value: l, detail: notes.join('; ') };
    });
    if (lock.recovered) result.recoveredLock = { pid: lock.recovered.pid, startedAt: lock.recovered.startedAt };
    const now = await readIfExists(req.target);
    const changedMeanwhile = now !== before;
    if (changedMeanwhile) {
      before = now;
      result.plan = makePlan(before, req.candidate.text, req.candidate.config, labels);
    }
    if (result.plan.unchanged && !req.force && !lock.recovered) {
      skip('write', changedMeanwhile ? 'another apply deployed this config meanwhile' : 'unchanged');
      result.outcome = 'unchanged';
      result.exitCode = EXIT.ok;
      return result;
    }
    if (changedMeanwhile && confirmed) {
      throw new RainyModelError('deploy/changed', `${req.target} changed while waiting for confirmation or the lock; nothing written, run apply again to see the new plan`);
    }

    // 4. backup
    const previous: string | null = before;
    if (req.backup && previous !== null) {
      result.backup = await step('backup', async () => {
        const known = await deployedBytesRecord(deps.auditLog, req.target, sha256(previous), Boolean(lock?.recovered));
        const entry = await deps.backups.create(previous, {
          target: req.target,
          sourcesCommit: known.commit,
          replacedByCommit: req.candidate.sourcesCommit,
          reason: req.reason,
          verified: known.verified,
        });
        const pruned = await deps.backups.prune(deps.keepBackups, req.target);
        const notes = [entry.id];
        if (known.verified === false) notes.push('of a config that was never verified as serving: `--backup latest` skips it');
        if (pruned.length > 0) notes.push(`pruned ${pruned.length} old of this target, keeping ${deps.keepBackups}`);
        return { value: entry, detail: notes.join('; ') };
      });
    } else {
      skip('backup', previous === null ? 'nothing deployed yet' : 'not asked (--backup)');
    }

    // 5. write
    await step('write', async () => {
      const w = await writeFileAtomic(req.target, req.candidate.text);
      written = true;
      return { value: w, detail: `sha256 ${req.candidate.sha256.slice(0, 12)}, mode ${w.mode.toString(8).padStart(4, '0')}` };
    });

    // 6. restart / reload
    if (deps.service) {
      const service = deps.service;
      await step(req.mode, async () => {
        const r = await service.run(req.mode);
        return { value: r, detail: `${r.command}${r.stderr ? ` (stderr: ${r.stderr})` : ''}` };
      });
    } else {
      skip(req.mode, 'no service configured');
    }

    // 7. verify
    result.verify = await step('verify', async () => {
      const expected = publicModelNames(req.candidate.config);
      const masterKey = resolveMasterKey(req.candidate.text, deps.env);
      const report = await verify({
        healthUrl: req.healthUrl,
        baseUrl: req.baseUrl,
        timeoutMs: req.timeoutMs,
        expectedModels: expected,
        ...(masterKey ? { masterKey } : {}),
        ...(req.canary ? { canary: req.canary } : {}),
        // Only a restarted or reloaded service can be expected to serve the new file.
        ...(deps.service ? { expectedSha256: req.candidate.sha256 } : {}),
      });
      const canary = report.canary ? `, canary ${report.canary.model} HTTP ${report.canary.status}` : '';
      const serving = report.configConfirmed ? ', serving the new file' : '';
      return { value: report, detail: `healthy${serving}, ${expected.length} public models listed${canary}` };
    });
    result.outcome = 'applied';
    result.exitCode = EXIT.ok;
    return result;
  } catch (err) {
    result.error = err instanceof RainyModelError ? err : wrapError('deploy/unexpected', 'apply', err);
    if (written) await rollBack(req, deps, before, result, step, skip);
    else {
      result.outcome = 'failed';
      result.exitCode = EXIT.operational;
    }
    return result;
  } finally {
    result.durationMs = Date.now() - started;
    if (lock) await lock.release();
    if (deps.auditLog && result.outcome !== 'dry-run' && result.outcome !== 'declined') {
      await writeAudit(req, deps, result, before, skip);
    }
  }
}

type StepFn = <T>(name: StepName, fn: () => Promise<{ value: T; detail: string }>) => Promise<T>;

/** 8. Put the previous bytes back, restart, verify them; the outcome says which config is serving. */
async function rollBack(
  req: ApplyRequest,
  deps: ApplyDeps,
  previous: string | null,
  result: ApplyResult,
  step: StepFn,
  skip: (name: StepName, detail: string) => void,
): Promise<void> {
  try {
    if (previous === null) {
      throw new RainyModelError('deploy/no-previous', `nothing was deployed at ${req.target} before this apply, so there is nothing to restore; the new config stays in place`);
    }
    const old = previous;
    await step('restore', async () => {
      await writeFileAtomic(req.target, old);
      return { value: undefined, detail: `previous config put back (sha256 ${sha256(old).slice(0, 12)})` };
    });
    if (deps.service) {
      const service = deps.service;
      // Always a full restart: if the new config wedged the process, a reload may not bring it back.
      await step('restart (rollback)', async () => {
        const r = await service.run('restart');
        return { value: r, detail: r.command };
      });
    } else {
      skip('restart (rollback)', 'no service configured');
    }
    await step('verify (rollback)', async () => {
      const parsed = parseConfigText(old);
      const expected = parsed.config ? publicModelNames(parsed.config) : [];
      const masterKey = resolveMasterKey(old, deps.env);
      // No canary here: the old config's upstreams are not what this apply is about.
      await verify({
        healthUrl: req.healthUrl,
        baseUrl: req.baseUrl,
        timeoutMs: req.timeoutMs,
        expectedModels: expected,
        ...(masterKey ? { masterKey } : {}),
        ...(deps.service ? { expectedSha256: sha256(old) } : {}),
      });
      return { value: undefined, detail: 'the previous config is serving' };
    });
    result.outcome = 'rolled-back';
    result.exitCode = EXIT.operational;
  } catch (err) {
    result.rollbackError = err instanceof RainyModelError ? err : wrapError('deploy/rollback', 'rollback', err);
    result.outcome = 'rollback-failed';
    result.exitCode = EXIT.rollbackFailed;
  }
}

async function writeAudit(
  req: ApplyRequest,
  deps: ApplyDeps,
  result: ApplyResult,
  before: string | null,
  skip: (name: StepName, detail: string) => void,
): Promise<void> {
  const after = await readIfExists(req.target).catch(() => null);
  const record: AuditRecord = {
    time: new Date().toISOString(),
    ...auditBase(),
    command: req.command,
    target: req.target,
    reason: req.reason,
    sources_commit: req.candidate.sourcesCommit,
    sha256_before: before === null ? null : sha256(before),
    sha256_after: after === null ? null : sha256(after),
    outcome: result.outcome,
    exit_code: result.exitCode,
    duration_ms: result.durationMs,
    backup_id: result.backup?.id ?? null,
    ...(result.error ? { error: result.error.message } : {}),
    ...(result.rollbackError ? { rollback_error: result.rollbackError.message } : {}),
  };
  try {
    await appendAudit(deps.auditLog as string, record);
  } catch (err) {
    // The deploy itself is done (or rolled back); a full disk for the log must not change its outcome.
    skip('audit', (err as Error).message);
  }
}
