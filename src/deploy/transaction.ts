// The apply transaction, shared by `rmctl apply` and `rmctl rollback`: plan, checks, lock, back up, write
// atomically, start/restart/reload, verify; on any failure (or SIGTERM / Ctrl-C) after the write, put the
// previous state back (restore.ts) and say which config is serving. It never throws for operational
// failures: it returns an outcome with the exit code, so the CLI can always print what happened and the
// audit log always gets its record, a truthful one (an apply that never took the lock changed nothing).
import { existsSync } from 'node:fs';
import { EXIT, RainyModelError, wrapError } from '../shared/errors.js';
import { appendAudit, auditBase, checkAuditWritable, deployedBytesRecord, type AuditRecord } from './audit.js';
import { missingDirectory, writeFileAtomic, removeStaleTemps } from './atomic-write.js';
import { interrupted, somethingListens, verify } from './health.js';
import { acquireLock, staleLockOwner, type Lock } from './lock.js';
import { makePlan, publicModelNames, sha256, summarizePlan, type Plan } from './plan.js';
import { rollBack } from './restore.js';
import type { ServiceAction } from './service.js';
import { lockPathFor, masterKeyVariable, readIfExists, resolveMasterKey, Steps, type ApplyDeps, type ApplyRequest, type ApplyResult, type Transaction } from './transaction-context.js';

export { lockPathFor, resolveMasterKey } from './transaction-context.js';

/** What the service is asked for to run the new config. */
type ForwardAction = Exclude<ServiceAction, 'stop'>;
export type { ApplyDeps, ApplyRequest, ApplyResult, Outcome, StepEvent, StepName } from './transaction-context.js';

function finish(tx: Transaction, outcome: ApplyResult['outcome'], exitCode: number): true {
  tx.result.outcome = outcome;
  tx.result.exitCode = exitCode;
  return true;
}

/** Stops before the next step when SIGTERM / Ctrl-C came. */
function checkpoint(tx: Transaction, before: string): void {
  if (tx.req.signal?.aborted) throw interrupted(tx.req.signal, before);
}

/** 2. plan; true when the transaction ends here (unchanged, dry run). */
async function plan(tx: Transaction): Promise<boolean> {
  const { req, deps, steps } = tx;
  const labels = { before: `${req.target} (deployed)`, after: `${req.target} (${req.candidate.origin})` };
  const p = await steps.run('plan', async () => {
    tx.before = await readIfExists(req.target);
    const made = makePlan(tx.before, req.candidate.text, req.candidate.config, labels);
    return { value: made, detail: summarizePlan(made) };
  });
  tx.result.plan = p;
  deps.onPlan?.(p);
  // An apply killed after its write left the new file in place but never restarted or verified it:
  // "unchanged" would be a lie then, so the next apply goes through the whole transaction again.
  // A live lock means an apply is running right now: "unchanged" would be a lie too (it may be about
  // to fail and roll back), so we go on to the lock step, which fails or waits for it.
  const lockPath = lockPathFor(req.target);
  const killed = await staleLockOwner(lockPath);
  const busy = !killed && existsSync(lockPath);
  if (p.unchanged && killed) {
    steps.skip('plan', `an apply (pid ${killed.pid}, since ${killed.startedAt}) was killed before it finished: restarting and verifying again`);
  }
  if (p.unchanged && !req.force && !killed && !busy) return finish(tx, 'unchanged', EXIT.ok);
  if (req.dryRun) return finish(tx, 'dry-run', EXIT.ok);
  return false;
}

/**
 * What must hold before anything changes: the key verification needs, an audit log that takes the record,
 * a unit that exists. Returns what to ask the service for: a service that is not running is started.
 */
async function preflight(tx: Transaction): Promise<ForwardAction | undefined> {
  const { req, deps } = tx;
  const keyRef = masterKeyVariable(req.candidate.text);
  if (keyRef && !deps.env[keyRef]) {
    throw new RainyModelError(
      'deploy/master-key',
      `general_settings.master_key is os.environ/${keyRef}, but ${keyRef} is not set where apply runs, so /v1/models could not be verified; export it (the same value the service has) and run again`,
    );
  }
  if (deps.auditLog) await checkAuditWritable(deps.auditLog);
  const missing = await missingDirectory(req.target);
  if (missing) throw new RainyModelError('deploy/no-target-dir', missing);
  if (!deps.service) return undefined;
  const state = await deps.service.state();
  if (state.load === 'not-found') {
    throw new RainyModelError(
      'deploy/service-missing',
      `the unit ${deps.service.unit} does not exist (systemd: LoadState=not-found), so nothing would run the new config; install it first: ${deps.service.installHint(req.target)}`,
    );
  }
  tx.serviceWasActive = state.active === 'active' || state.active === 'reloading';
  if (tx.serviceWasActive) return req.mode;
  // Not running (a first deploy, or stopped): reload has nothing to signal; start it (restart when it is
  // between states, e.g. activating after a crash: restart works from any state).
  return state.active === 'inactive' || state.active === 'failed' ? 'start' : 'restart';
}

/** 3. lock; then look again: another apply may have changed the file while we planned or waited. */
async function lock(tx: Transaction, confirmed: boolean): Promise<Lock | true> {
  const { req, steps } = tx;
  const l = await steps.run('lock', async () => {
    const taken = await acquireLock(lockPathFor(req.target), { waitMs: req.lockWaitMs, command: req.command, ...(req.signal ? { signal: req.signal } : {}) });
    const temps = await removeStaleTemps(req.target);
    const notes = [taken.path];
    if (taken.recovered) notes.push(`recovered a stale lock of pid ${taken.recovered.pid} (since ${taken.recovered.startedAt})`);
    if (temps.length > 0) notes.push(`removed ${temps.length} temp file(s) of a killed apply`);
    return { value: taken, detail: notes.join('; ') };
  });
  tx.locked = true;
  if (l.recovered) tx.result.recoveredLock = { pid: l.recovered.pid, startedAt: l.recovered.startedAt };
  const now = await readIfExists(req.target);
  const changedMeanwhile = now !== tx.before;
  if (changedMeanwhile) {
    tx.before = now;
    tx.result.plan = makePlan(now, req.candidate.text, req.candidate.config, { before: `${req.target} (deployed)`, after: `${req.target} (${req.candidate.origin})` });
  }
  if (tx.result.plan?.unchanged && !req.force && !l.recovered) {
    steps.skip('write', changedMeanwhile ? 'another apply deployed this config meanwhile' : 'unchanged');
    await l.release();
    return finish(tx, 'unchanged', EXIT.ok);
  }
  if (changedMeanwhile && confirmed) {
    await l.release();
    throw new RainyModelError('deploy/changed', `${req.target} changed while waiting for confirmation or the lock; nothing written, run apply again to see the new plan`);
  }
  return l;
}

/** 4. backup, marked with what the audit log knows of the bytes: who deployed them, whether they were verified. */
async function backup(tx: Transaction, recovered: boolean): Promise<void> {
  const { req, deps, steps } = tx;
  const previous = tx.before;
  if (!req.backup || previous === null) {
    steps.skip('backup', previous === null ? 'nothing deployed yet' : 'not asked (--backup)');
    return;
  }
  tx.result.backup = await steps.run('backup', async () => {
    const known = await deployedBytesRecord(deps.auditLog, req.target, sha256(previous), recovered);
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
}

/** 5. write, 6. start / restart / reload. */
async function deploy(tx: Transaction, action: ForwardAction | undefined): Promise<void> {
  const { req, deps, steps } = tx;
  checkpoint(tx, 'before the write; nothing was changed');
  await steps.run('write', async () => {
    const w = await writeFileAtomic(req.target, req.candidate.text);
    tx.written = true;
    const via = w.path === req.target ? '' : `, written to ${w.path} (the link's destination)`;
    return { value: w, detail: `sha256 ${req.candidate.sha256.slice(0, 12)}, mode ${w.mode.toString(8).padStart(4, '0')}${via}` };
  });
  checkpoint(tx, 'after the write');
  const service = deps.service;
  if (!service || !action) {
    steps.skip(req.mode, 'no service configured');
    return;
  }
  await steps.run(action, async () => {
    const r = await service.run(action);
    const why = action === 'start' || (action === 'restart' && tx.serviceWasActive === false) ? ' (it was not running)' : '';
    return { value: r, detail: `${r.command}${why}${r.stderr ? ` (stderr: ${r.stderr})` : ''}` };
  });
}

/** 7. verify; without a service and with nothing listening yet, the file is written and that is said. */
async function verifyNew(tx: Transaction): Promise<void> {
  const { req, deps, steps, result } = tx;
  checkpoint(tx, 'before verification');
  if (!deps.service && !(await somethingListens(req.healthUrl))) {
    steps.skip(
      'verify',
      `no service configured and nothing answers at ${req.healthUrl}: start the proxy (rmctl serve --config ${req.target}), or set deploy.service and run apply again`,
    );
    finish(tx, 'written', EXIT.ok);
    return;
  }
  result.verify = await steps.run('verify', async () => {
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
      ...(req.signal ? { signal: req.signal } : {}),
      ...(deps.onProgress ? { onProgress: deps.onProgress } : {}),
    });
    const canary = report.canary ? `, canary ${report.canary.model} HTTP ${report.canary.status}` : '';
    const serving = report.configConfirmed ? ', serving the new file' : '';
    return { value: report, detail: `healthy${serving}, ${expected.length} public models listed${canary}` };
  });
  finish(tx, 'applied', EXIT.ok);
}

async function confirm(tx: Transaction, p: Plan): Promise<boolean | 'declined'> {
  const asked = !p.unchanged && tx.req.confirm !== undefined;
  if (asked && tx.req.confirm && !(await tx.req.confirm(p))) return 'declined';
  return asked;
}

export async function runApply(req: ApplyRequest, deps: ApplyDeps): Promise<ApplyResult> {
  const started = Date.now();
  const steps = new Steps(deps.onStep);
  const result: ApplyResult = { outcome: 'failed', exitCode: EXIT.operational, target: req.target, steps: steps.list, durationMs: 0 };
  const tx: Transaction = { req, deps, steps, result, before: null, locked: false, written: false };
  let held: Lock | undefined;
  try {
    if (await plan(tx)) return result;
    const action = await preflight(tx);
    const confirmed = await confirm(tx, result.plan as Plan);
    if (confirmed === 'declined') return (finish(tx, 'declined', EXIT.ok), result);
    checkpoint(tx, 'before the lock; nothing was changed');
    const l = await lock(tx, confirmed);
    if (l === true) return result;
    held = l;
    await backup(tx, Boolean(l.recovered));
    await deploy(tx, action);
    await verifyNew(tx);
    return result;
  } catch (err) {
    result.error = err instanceof RainyModelError ? err : wrapError('deploy/unexpected', 'apply', err);
    if (tx.written) await rollBack(tx);
    else finish(tx, tx.locked ? 'failed' : 'refused', EXIT.operational);
    return result;
  } finally {
    result.durationMs = Date.now() - started;
    if (held) await held.release();
    if (deps.auditLog && result.outcome !== 'dry-run' && result.outcome !== 'declined') await writeAudit(tx);
  }
}

async function writeAudit(tx: Transaction): Promise<void> {
  const { req, deps, result } = tx;
  // Nothing written: whatever the file holds now is another apply's doing (or nobody's), never this one's.
  const after = tx.written ? await readIfExists(req.target).catch(() => null) : tx.before;
  const record: AuditRecord = {
    time: new Date().toISOString(),
    ...auditBase(),
    command: req.command,
    target: req.target,
    reason: req.reason,
    sources_commit: req.candidate.sourcesCommit,
    sha256_before: tx.before === null ? null : sha256(tx.before),
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
    // Checked before anything changed; a disk that filled up since must not change the deploy's outcome.
    tx.steps.skip('audit', (err as Error).message);
  }
}
