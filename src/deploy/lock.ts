// One apply at a time per deployed file. The lock is a file next to the target, created atomically with its
// content already in it (write a private temp file, then link(2) it to the lock name: link fails if the
// name exists), so a reader never sees an empty or half-written lock.
//
// A lock whose process is gone (killed mid-apply, machine rebooted) is stale. We can only tell for locks
// taken on this host; the pid plus the process start time (Linux /proc) guards against pid reuse.
// Breaking a stale lock is itself serialized through a second, short-lived lock (`.break`): otherwise two
// waiters could both see the stale lock, one break it and take it, and the other delete that fresh lock.
import { hostname } from 'node:os';
import { readFileSync } from 'node:fs';
import { link, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { RainyModelError } from '../shared/errors.js';

export interface LockInfo {
  pid: number;
  host: string;
  /** Process start time in clock ticks since boot (Linux), to tell a reused pid from the owner. */
  pidStart: string | null;
  startedAt: string;
  command: string;
}

export interface Lock {
  path: string;
  info: LockInfo;
  /** Set when a stale lock was found and broken to take this one. */
  recovered?: LockInfo;
  release(): Promise<void>;
}

export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (starttime); the command name (field 2) may contain spaces, so count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** A zombie (exited, not yet reaped: common in containers whose PID 1 reaps slowly) is not alive. */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false;
  }
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** Whether the owner of a lock taken on this host is gone. Locks from other hosts are never stale here. */
export function isStale(info: LockInfo): boolean {
  if (info.host !== hostname()) return false;
  if (!isAlive(info.pid)) return true;
  if (info.pidStart !== null) {
    const now = processStartTime(info.pid);
    if (now !== null && now !== info.pidStart) return true;
  }
  return false;
}

async function readLock(path: string): Promise<LockInfo | null | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const value = JSON.parse(text) as Partial<LockInfo>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return 'unreadable';
    return {
      pid: value.pid,
      host: value.host,
      pidStart: typeof value.pidStart === 'string' ? value.pidStart : null,
      startedAt: String(value.startedAt ?? '?'),
      command: String(value.command ?? '?'),
    };
  } catch {
    return 'unreadable';
  }
}

/** The private temp file createExclusive links from: `<path>.<pid>.<8 hex>`. */
function tempFor(path: string): string {
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}`;
}

/**
 * Removes createExclusive temp files (for `path` and its `.break`) whose writer is gone: an apply killed
 * between writing its temp file and linking it would otherwise leave them next to the deployed file forever.
 */
async function removeDeadTemps(path: string): Promise<void> {
  const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const pattern = new RegExp(`^${name}(?:\\.break)?\\.(\\d+)\\.[0-9a-f]{8}$`);
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const entry of names) {
    const pid = Number(pattern.exec(entry)?.[1] ?? NaN);
    if (!Number.isInteger(pid) || pid === process.pid || isAlive(pid)) continue;
    await unlink(join(dirname(path), entry)).catch(() => undefined);
  }
}

/** Creates `path` holding `content`, atomically; false when it already exists. */
async function createExclusive(path: string, content: string): Promise<boolean> {
  const temp = tempFor(path);
  await writeFile(temp, content, { mode: 0o644 });
  try {
    await link(temp, path);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

function sameOwner(a: LockInfo, b: LockInfo): boolean {
  return a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt && a.pidStart === b.pidStart;
}

function describe(info: LockInfo): string {
  return `pid ${info.pid} on ${info.host} since ${info.startedAt} (${info.command})`;
}

/** Removes `path` if it still holds the stale lock `seen`; true when it did. */
async function breakStale(path: string, seen: LockInfo, mine: LockInfo): Promise<boolean> {
  const breaker = `${path}.break`;
  if (!(await createExclusive(breaker, JSON.stringify(mine)))) {
    const other = await readLock(breaker);
    // A breaker left by a process killed while breaking: clear it and let the caller retry.
    if (other !== null && other !== 'unreadable' && isStale(other)) await unlink(breaker).catch(() => undefined);
    return false;
  }
  try {
    const current = await readLock(path);
    if (current === null) return true;
    if (current === 'unreadable' || !sameOwner(current, seen)) return false;
    await unlink(path);
    return true;
  } finally {
    await unlink(breaker).catch(() => undefined);
  }
}

/** The owner of a stale lock at `path` (an apply that was killed), if there is one. */
export async function staleLockOwner(path: string): Promise<LockInfo | undefined> {
  const holder = await readLock(path).catch(() => null);
  return holder && holder !== 'unreadable' && isStale(holder) ? holder : undefined;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function acquireLock(
  path: string,
  options: { waitMs: number; command: string; pollMs?: number; signal?: AbortSignal },
): Promise<Lock> {
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    pidStart: processStartTime(process.pid),
    startedAt: new Date().toISOString(),
    command: options.command,
  };
  const content = `${JSON.stringify(info)}\n`;
  const deadline = Date.now() + Math.max(0, options.waitMs);
  let recovered: LockInfo | undefined;
  for (;;) {
    if (options.signal?.aborted) {
      throw new RainyModelError('deploy/interrupted', `interrupted by ${String(options.signal.reason)} while waiting for ${path}`);
    }
    let created: boolean;
    try {
      created = await createExclusive(path, content);
    } catch (err) {
      throw new RainyModelError('deploy/lock', `cannot create lock ${path}: ${(err as Error).message}`, { cause: err });
    }
    if (created) {
      await removeDeadTemps(path);
      let released = false;
      return {
        path,
        info,
        ...(recovered ? { recovered } : {}),
        release: async () => {
          if (released) return;
          released = true;
          // Only remove the lock if it is still ours (never someone else's after a manual intervention).
          const current = await readLock(path).catch(() => null);
          if (current && current !== 'unreadable' && sameOwner(current, info)) await unlink(path).catch(() => undefined);
        },
      };
    }
    const holder = await readLock(path);
    if (holder === null) continue; // released between our attempt and the read
    if (holder === 'unreadable') {
      throw new RainyModelError(
        'deploy/lock',
        `lock ${path} exists but is not an rmctl lock; remove it if no apply is running`,
      );
    }
    if (isStale(holder)) {
      if (await breakStale(path, holder, info)) recovered = holder;
      else await sleep(options.pollMs ?? 100);
      continue;
    }
    if (Date.now() >= deadline) {
      throw new RainyModelError(
        'deploy/locked',
        `another apply holds ${path}: ${describe(holder)}` +
          (options.waitMs > 0 ? `; gave up after ${Math.round(options.waitMs / 1000)} s` : '; use --lock-wait SECONDS to wait for it'),
      );
    }
    await sleep(options.pollMs ?? 100);
  }
}
