// The audit log: one JSON object per line, appended, never rewritten. Each record is one write(2) on a file
// opened with O_APPEND, so concurrent writers (an apply and a rollback on another terminal) never interleave
// inside a line.
import { dirname, resolve } from 'node:path';
import { userInfo, hostname } from 'node:os';
import { createHash } from 'node:crypto';
import { appendFile, mkdir, open, readFile } from 'node:fs/promises';
import { RainyModelError } from '../shared/errors.js';

export interface AuditRecord {
  time: string;
  user: string;
  host: string;
  command: string;
  target: string;
  reason: string;
  sources_commit: string | null;
  sha256_before: string | null;
  sha256_after: string | null;
  /** applied | written | unchanged | refused | failed | rolled-back | rollback-failed */
  outcome: string;
  exit_code: number;
  duration_ms: number;
  backup_id: string | null;
  error?: string;
  rollback_error?: string;
}

export function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? String(process.getuid?.() ?? 'unknown');
  }
}

export function auditBase(): { user: string; host: string } {
  return { user: currentUser(), host: hostname() };
}

export async function appendAudit(path: string, record: AuditRecord): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, `${JSON.stringify(record)}\n`, { encoding: 'utf8', mode: 0o640 });
  } catch (err) {
    throw new RainyModelError('deploy/audit', `cannot append to audit log ${path}: ${(err as Error).message}`, { cause: err });
  }
}

/** Fails (deploy/audit) when the log cannot be appended to: checked before an apply changes anything. */
export async function checkAuditWritable(path: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    const fh = await open(path, 'a', 0o640);
    await fh.close();
  } catch (err) {
    throw new RainyModelError(
      'deploy/audit',
      `cannot append to audit log ${path}: ${(err as Error).message}; every apply and rollback is recorded, so nothing was changed (fix the path or deploy.audit_log)`,
      { cause: err },
    );
  }
}

/** The records of one target, oldest first; torn or foreign lines are skipped. */
async function recordsOf(path: string | undefined, target: string): Promise<Array<Partial<AuditRecord>>> {
  if (!path) return [];
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const records: Array<Partial<AuditRecord>> = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    try {
      const r = JSON.parse(line) as Partial<AuditRecord>;
      if (typeof r.target === 'string' && resolve(r.target) === resolve(target)) records.push(r);
    } catch {
      // a torn or foreign line: skip it
    }
  }
  return records;
}

/** Outcomes after which the record says what the target holds and whether it was verified. */
const SETTLED = new Set(['applied', 'unchanged', 'rolled-back', 'rollback-failed']);
const VERIFIED = new Set(['applied', 'unchanged', 'rolled-back']);

/**
 * What the audit log knows about the bytes (by sha256) deployed at `target` right now: the sources commit
 * that deployed them (the latest apply of record that left them in place; null when none did), and whether
 * they were verified as serving (see BackupMeta.verified). `leftByKilledApply`: the lock of an apply that
 * died mid-way was found, so bytes no settled record accounts for were left by it, never verified.
 */
export async function deployedBytesRecord(
  path: string | undefined,
  target: string,
  sha256: string,
  leftByKilledApply: boolean,
): Promise<{ commit: string | null; verified: boolean | null }> {
  const records = (await recordsOf(path, target)).reverse();
  const deployedBy = records.find((r) => r.sha256_after === sha256 && (r.outcome === 'applied' || r.outcome === 'unchanged'));
  const last = records.find((r) => SETTLED.has(String(r.outcome)));
  let verified: boolean | null;
  if (last && last.sha256_after === sha256) verified = VERIFIED.has(String(last.outcome));
  else verified = leftByKilledApply ? false : null;
  return { commit: deployedBy?.sources_commit ?? null, verified };
}

/**
 * The record of an apply or rollback refused before the transaction began (sources that do not validate, an
 * unknown commit or backup): nothing changed, so the file's sha256 is both `before` and `after`.
 */
export async function appendRefusal(
  path: string,
  refusal: { command: string; target: string; reason: string; sourcesCommit: string | null; exitCode: number; error: string },
): Promise<void> {
  const current = await readFile(refusal.target).then((b) => createHash('sha256').update(b).digest('hex'), () => null);
  await appendAudit(path, {
    time: new Date().toISOString(),
    ...auditBase(),
    command: refusal.command,
    target: refusal.target,
    reason: refusal.reason,
    sources_commit: refusal.sourcesCommit,
    sha256_before: current,
    sha256_after: current,
    outcome: 'refused',
    exit_code: refusal.exitCode,
    duration_ms: 0,
    backup_id: null,
    error: refusal.error,
  });
}
