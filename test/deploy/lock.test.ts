import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireLock } from '../../src/deploy/lock.js';
import { RainyModelError } from '../../src/shared/errors.js';
import { removeDir, tempDir } from './support.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));
const lockPath = (): string => {
  const d = tempDir();
  dirs.push(d);
  return join(d, '.config.yaml.rmctl.lock');
};

async function deadPid(): Promise<number> {
  const child = execa(process.execPath, ['-e', '']);
  const pid = child.pid as number;
  await child;
  return pid;
}

describe('acquireLock', () => {
  it('takes the lock with its owner written in, and releases it', async () => {
    const path = lockPath();
    const lock = await acquireLock(path, { waitMs: 0, command: 'apply' });
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname(), command: 'apply' });
    await lock.release();
    expect(existsSync(path)).toBe(false);
  });

  it('fails clearly while another holder is alive', async () => {
    const path = lockPath();
    const first = await acquireLock(path, { waitMs: 0, command: 'apply --backup' });
    const err = await acquireLock(path, { waitMs: 0, command: 'apply' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RainyModelError);
    expect((err as RainyModelError).code).toBe('deploy/locked');
    expect((err as RainyModelError).message).toContain(`pid ${process.pid}`);
    expect((err as RainyModelError).message).toContain('apply --backup');
    await first.release();
  });

  it('only one of many concurrent acquirers wins', async () => {
    const path = lockPath();
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => acquireLock(path, { waitMs: 0, command: 'apply' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });

  it('waits for the holder when asked to', async () => {
    const path = lockPath();
    const first = await acquireLock(path, { waitMs: 0, command: 'first' });
    const second = acquireLock(path, { waitMs: 20_000, command: 'second', pollMs: 10 });
    await first.release();
    const lock = await second;
    expect(lock.info.command).toBe('second');
    await lock.release();
  });

  it('recovers a stale lock left by a dead process on this host', async () => {
    const path = lockPath();
    const pid = await deadPid();
    writeFileSync(path, JSON.stringify({ pid, host: hostname(), pidStart: null, startedAt: '2020-01-01T00:00:00.000Z', command: 'apply' }));
    const lock = await acquireLock(path, { waitMs: 0, command: 'apply' });
    expect(lock.recovered?.pid).toBe(pid);
    await lock.release();
  });

  it('treats a live pid with another start time as a reused pid (stale)', async () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: process.pid, host: hostname(), pidStart: '1', startedAt: 'x', command: 'apply' }));
    const lock = await acquireLock(path, { waitMs: 0, command: 'apply' });
    expect(lock.recovered?.pidStart).toBe('1');
    await lock.release();
  });

  it('removes the temp files of an apply killed while taking the lock, not those of live processes', async () => {
    const path = lockPath();
    const dead = await deadPid();
    const leftovers = [`${path}.${dead}.0123abcd`, `${path}.break.${dead}.89abcdef`];
    const live = `${path}.${process.ppid}.fedcba98`;
    for (const file of [...leftovers, live]) writeFileSync(file, '{}');
    const lock = await acquireLock(path, { waitMs: 0, command: 'apply' });
    for (const file of leftovers) expect(existsSync(file)).toBe(false);
    expect(existsSync(live)).toBe(true);
    await lock.release();
  });

  it('never breaks a lock from another host', async () => {
    const path = lockPath();
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'elsewhere.example', pidStart: null, startedAt: 'x', command: 'apply' }));
    await expect(acquireLock(path, { waitMs: 0, command: 'apply' })).rejects.toThrow(/elsewhere\.example/);
  });

  it('refuses to guess about a file that is not an rmctl lock', async () => {
    const path = lockPath();
    writeFileSync(path, 'garbage');
    await expect(acquireLock(path, { waitMs: 0, command: 'apply' })).rejects.toThrow(/not an rmctl lock/);
  });
});
