// The audit log: one JSON object per line, appended, never rewritten. Each record is one write(2) on a file
// opened with O_APPEND, so concurrent writers (an apply and a rollback on another terminal) never interleave
// inside a line.
import { dirname } from 'node:path';
import { userInfo, hostname } from 'node:os';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
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
  /** applied | unchanged | failed | rolled-back | rollback-failed */
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

/**
 * The sources commit that deployed the bytes with this sha256, from the latest audit record that left them in
 * place (sha256_after); null when the log has no such record (deployed by hand, or before the log existed).
 */
export async function commitThatDeployed(path: string | undefined, sha256: string): Promise<string | null> {
  if (!path) return null;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!.trim();
    if (!line) continue;
    try {
      const r = JSON.parse(line) as Partial<AuditRecord>;
      if (r.sha256_after === sha256 && (r.outcome === 'applied' || r.outcome === 'unchanged')) return r.sources_commit ?? null;
    } catch {
      // a torn or foreign line: skip it
    }
  }
  return null;
}
