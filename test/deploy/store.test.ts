// Backups with retention, atomic writes, settings.
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, removeStaleTemps } from '../../src/deploy/atomic-write.js';
import { BackupStore } from '../../src/deploy/backup.js';
import { resolveSettings } from '../../src/deploy/settings.js';
import { removeDir, tempDir } from './support.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach(removeDir));
const dir = (): string => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

describe('BackupStore', () => {
  it('keeps content and metadata, lists newest first, resolves latest and unique prefixes', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    const a = await store.create('one\n', { target: '/t.yaml', sourcesCommit: 'abc', reason: 'apply', now: new Date('2025-01-01T00:00:00Z') });
    const b = await store.create('two\n', { target: '/t.yaml', sourcesCommit: null, reason: 'rollback to x', now: new Date('2025-01-02T00:00:00Z') });
    expect(a.id).toMatch(/^20250101T000000000Z-[0-9a-f]{8}$/);
    expect((await store.list()).map((e) => e.id)).toEqual([b.id, a.id]);
    expect((await store.get('latest')).content).toBe('two\n');
    expect((await store.get('20250101')).entry.id).toBe(a.id);
    await expect(store.get('2025')).rejects.toThrow(/matches 2 backups/);
    await expect(store.get('nope')).rejects.toThrow(/no backup "nope"/);
  });

  it('applies retention: keeps the newest N', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.create(`v${i}\n`, { target: '/t', sourcesCommit: null, reason: 'apply', now: new Date(Date.UTC(2025, 0, 1 + i)) })).id);
    expect(await store.prune(2)).toEqual([ids[2], ids[1], ids[0]]);
    expect((await store.list()).map((e) => e.id)).toEqual([ids[4], ids[3]]);
    expect(readdirSync(store.dir).sort()).toHaveLength(4);
  });

  it('ignores unfinished backups and refuses a corrupted one', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    const e = await store.create('good\n', { target: '/t', sourcesCommit: null, reason: 'apply' });
    writeFileSync(join(store.dir, '20990101T000000000Z-deadbeef.yaml'), 'half');
    expect((await store.list()).map((x) => x.id)).toEqual([e.id]);
    writeFileSync(e.file, 'tampered\n');
    await expect(store.get(e.id)).rejects.toThrow(/does not match its recorded sha256/);
  });
});

describe('writeFileAtomic', () => {
  it('replaces the content and keeps the mode', async () => {
    const d = dir();
    const target = join(d, 'config.yaml');
    writeFileSync(target, 'old\n');
    chmodSync(target, 0o640);
    await writeFileAtomic(target, 'new\n');
    expect(readFileSync(target, 'utf8')).toBe('new\n');
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(d)).toEqual(['config.yaml']);
  });

  it('updates a symlinked target where it points, keeping the link', async () => {
    const d = dir();
    mkdirSync(join(d, 'real'));
    writeFileSync(join(d, 'real', 'config.yaml'), 'old\n');
    symlinkSync(join(d, 'real', 'config.yaml'), join(d, 'link.yaml'));
    await writeFileAtomic(join(d, 'link.yaml'), 'new\n');
    expect(lstatSync(join(d, 'link.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'real', 'config.yaml'), 'utf8')).toBe('new\n');
  });

  it('removes temp files of dead writers but not of live ones', async () => {
    const d = dir();
    const target = join(d, 'config.yaml');
    writeFileSync(target, 'x');
    writeFileSync(join(d, '.config.yaml.rmctl-tmp-999999999-abcd'), 'partial');
    writeFileSync(join(d, `.config.yaml.rmctl-tmp-${process.ppid}-abcd`), 'partial');
    expect(await removeStaleTemps(target)).toEqual(['.config.yaml.rmctl-tmp-999999999-abcd']);
  });
});

describe('resolveSettings', () => {
  it('reads the deploy section relative to its file; flags win', () => {
    const d = dir();
    writeFileSync(
      join(d, 'rmctl.config.yaml'),
      'deploy:\n  target: deployed/litellm.yaml\n  service: litellm.service\n  scope: system\n  timeout: 15\n  canary: rainymodel/auto\n  keep_backups: 3\n',
    );
    const { settings, diagnostics } = resolveSettings({ timeoutSeconds: 5 }, d);
    expect(diagnostics).toEqual([]);
    expect(settings).toMatchObject({
      file: join(d, 'rmctl.config.yaml'),
      target: join(d, 'deployed/litellm.yaml'),
      service: 'litellm.service',
      scope: 'system',
      mode: 'restart',
      timeoutSeconds: 5,
      canary: 'rainymodel/auto',
      keepBackups: 3,
      healthUrl: 'http://127.0.0.1:4000/health/readiness',
      backupDir: join(d, '.rmctl/backups'),
      auditLog: join(d, '.rmctl/audit.jsonl'),
      providers: join(d, 'providers/providers.yaml'),
    });
  });

  it('reports wrong types as errors and unknown keys with a suggestion', () => {
    const d = dir();
    writeFileSync(join(d, 'rmctl.config.yaml'), 'deploy:\n  targt: x.yaml\n  scope: global\n');
    const { diagnostics } = resolveSettings({}, d);
    expect(diagnostics.map((x) => [x.code, x.severity, x.line])).toEqual([
      ['settings/unknown-key', 'warning', 2],
      ['settings/type', 'error', 3],
    ]);
    expect(diagnostics[0]?.message).toContain('did you mean "target"?');
  });
});
