// Backups with retention, atomic writes, settings.
import { chmodSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { missingDirectory, writeFileAtomic, removeStaleTemps } from '../../src/deploy/atomic-write.js';
import { BackupStore } from '../../src/deploy/backup.js';
import { resolveSettings } from '../../src/deploy/settings.js';
import { execa } from 'execa';
import { sha256 } from '../../src/deploy/plan.js';
import { removeDir, REPO_ROOT, tempDir } from './support.js';

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
    expect((await store.list('/t.yaml')).map((e) => e.id)).toEqual([b.id, a.id]);
    expect((await store.get('latest', '/t.yaml')).content).toBe('two\n');
    expect((await store.get('20250101', '/t.yaml')).entry.id).toBe(a.id);
    await expect(store.get('2025', '/t.yaml')).rejects.toThrow(/matches 2 backups/);
    await expect(store.get('nope', '/t.yaml')).rejects.toThrow(/no backup "nope"/);
  });

  it('applies retention: keeps the newest N', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await store.create(`v${i}\n`, { target: '/t', sourcesCommit: null, reason: 'apply', now: new Date(Date.UTC(2025, 0, 1 + i)) })).id);
    expect(await store.prune(2, '/t')).toEqual([ids[2], ids[1], ids[0]]);
    expect((await store.list('/t')).map((e) => e.id)).toEqual([ids[4], ids[3]]);
    expect(readdirSync(store.dir).sort()).toEqual([ids[3], ids[4]]);
  });

  it('targets sharing a backup directory never mix: listing, latest and pruning are per target', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    const prod: string[] = [];
    for (let i = 0; i < 5; i++) prod.push((await store.create(`prod ${i}\n`, { target: '/srv/prod.yaml', sourcesCommit: null, reason: 'apply', now: new Date(Date.UTC(2025, 0, 1 + i)) })).id);
    // Staging deploys later, more often, and with a smaller retention.
    for (let i = 0; i < 4; i++) {
      await store.create(`staging ${i}\n`, { target: '/srv/staging.yaml', sourcesCommit: null, reason: 'apply', now: new Date(Date.UTC(2025, 1, 1 + i)) });
      await store.prune(2, '/srv/staging.yaml');
    }
    expect((await store.list('/srv/prod.yaml')).map((e) => e.id)).toEqual([...prod].reverse());
    expect(await store.list('/srv/staging.yaml')).toHaveLength(2);
    expect((await store.get('latest', '/srv/prod.yaml')).content).toBe('prod 4\n');
    expect((await store.get('latest', '/srv/staging.yaml')).content).toBe('staging 3\n');
    // The same file named another way is the same target.
    expect(await store.list('/srv/../srv/prod.yaml')).toHaveLength(5);
    // An id of another target's backup: refused, naming whose it is.
    const staging = (await store.list('/srv/staging.yaml'))[0]?.id as string;
    await expect(store.get(staging, '/srv/prod.yaml')).rejects.toThrow(`backup ${staging} is a backup of /srv/staging.yaml, not of /srv/prod.yaml; to restore it there, pass --target /srv/staging.yaml`);
    expect(await store.listAll()).toHaveLength(7);
  });

  it('latest skips a backup of bytes that were never verified as serving', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    await store.create('good\n', { target: '/t', sourcesCommit: null, reason: 'apply', verified: true, now: new Date('2025-01-01T00:00:00Z') });
    await store.create('broken\n', { target: '/t', sourcesCommit: null, reason: 'apply', verified: false, now: new Date('2025-01-02T00:00:00Z') });
    expect((await store.get('latest', '/t')).content).toBe('good\n');
    const only = new BackupStore(join(dir(), 'backups'));
    await only.create('broken\n', { target: '/t', sourcesCommit: null, reason: 'apply', verified: false });
    await expect(only.get('latest', '/t')).rejects.toThrow(/never verified as serving; pick one by id/);
  });

  it('ignores unfinished backups and refuses a corrupted one', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    const e = await store.create('good\n', { target: '/t', sourcesCommit: null, reason: 'apply' });
    writeFileSync(join(store.dir, '20990101T000000000Z-deadbeef.yaml'), 'half');
    mkdirSync(join(store.dir, '.staging-999999999-abcd1234'));
    writeFileSync(join(store.dir, '.staging-999999999-abcd1234', 'config.yaml'), 'half');
    expect((await store.list('/t')).map((x) => x.id)).toEqual([e.id]);
    writeFileSync(e.file, 'tampered\n');
    await expect(store.get(e.id, '/t')).rejects.toThrow(/does not match its recorded sha256/);
  });

  it('still lists and restores the flat <id>.yaml + <id>.json pairs older versions wrote', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    mkdirSync(store.dir);
    const id = '20240101T000000000Z-0123abcd';
    writeFileSync(join(store.dir, `${id}.yaml`), 'legacy\n');
    writeFileSync(join(store.dir, `${id}.json`), JSON.stringify({ id, created_at: 'x', target: '/t', sha256: sha256('legacy\n'), size: 7, sources_commit: null, reason: 'apply' }));
    await store.create('new\n', { target: '/t', sourcesCommit: null, reason: 'apply' });
    expect((await store.list('/t')).map((e) => e.id).at(-1)).toBe(id);
    expect((await store.get(id, '/t')).content).toBe('legacy\n');
    expect(await store.prune(1, '/t')).toEqual([id]);
    expect(readdirSync(store.dir).filter((n) => n.startsWith('2024'))).toEqual([]);
  });

  it('a backup is whole or invisible: what killed writers left is cleaned up by the next backup', async () => {
    const store = new BackupStore(join(dir(), 'backups'));
    mkdirSync(store.dir);
    // What an older version left when killed between the .yaml and the .json (and between them the other way).
    const old = new Date(Date.now() - 10 * 60_000);
    for (const name of ['20240101T000000000Z-aaaaaaaa.yaml', '20240102T000000000Z-bbbbbbbb.json', '.20240103T000000000Z-cccccccc.yaml.rmctl-tmp-999999999-abcd']) {
      writeFileSync(join(store.dir, name), 'half');
      utimesSync(join(store.dir, name), old, old);
    }
    // A staging directory of a writer that is gone, and one of a writer that is alive (the test's parent).
    mkdirSync(join(store.dir, '.staging-999999999-00000000'));
    mkdirSync(join(store.dir, `.staging-${process.ppid}-00000000`));
    const e = await store.create('x\n', { target: '/t', sourcesCommit: null, reason: 'apply' });
    expect(readdirSync(store.dir).sort()).toEqual([`.staging-${process.ppid}-00000000`, e.id].sort());
  });

  it('killed while backing up, again and again: never a listed backup without its content', async () => {
    const backups = join(dir(), 'backups');
    // The built store (npm run build), in a process of its own that is killed mid-write.
    const script = `import { BackupStore } from ${JSON.stringify(join(REPO_ROOT, 'dist/deploy/backup.js'))};
const store = new BackupStore(${JSON.stringify(backups)});
for (let i = 0; ; i++) { await store.create('v' + i + '\\n'.repeat(2000), { target: '/t', sourcesCommit: null, reason: 'apply' }); if (i === 3) process.stdout.write('ready\\n'); }`;
    for (let round = 0; round < 4; round++) {
      const child = execa(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO_ROOT, reject: false });
      await new Promise<void>((resolve, reject) => {
        child.stdout?.on('data', () => resolve());
        void child.then((r) => reject(new Error(`the writer exited early: ${r.stderr}`)));
      });
      child.kill('SIGKILL');
      await child;
      for (const name of readdirSync(backups).filter((n) => !n.startsWith('.'))) {
        expect(readdirSync(join(backups, name)).sort()).toEqual(['config.yaml', 'meta.json']);
      }
    }
    const store = new BackupStore(backups);
    for (const e of await store.list('/t')) expect((await store.get(e.id, '/t')).content).toMatch(/^v\d+\n/);
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

  it('a dangling symlink: writes its destination and keeps the link (a first deploy through a link made in advance)', async () => {
    const d = dir();
    mkdirSync(join(d, 'releases'));
    symlinkSync('releases/litellm.yaml', join(d, 'current.yaml'));
    await writeFileAtomic(join(d, 'current.yaml'), 'new\n');
    expect(lstatSync(join(d, 'current.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'releases', 'litellm.yaml'), 'utf8')).toBe('new\n');
    // A chain of links, the last one dangling.
    symlinkSync('current.yaml', join(d, 'chain.yaml'));
    rmSync(join(d, 'releases', 'litellm.yaml'));
    await writeFileAtomic(join(d, 'chain.yaml'), 'again\n');
    expect(lstatSync(join(d, 'chain.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(d, 'releases', 'litellm.yaml'), 'utf8')).toBe('again\n');
  });

  it('a dangling symlink into a directory that does not exist: refused, saying why, the link kept', async () => {
    const d = dir();
    symlinkSync(join(d, 'gone', 'litellm.yaml'), join(d, 'current.yaml'));
    expect(await missingDirectory(join(d, 'current.yaml'))).toBe(
      `${join(d, 'current.yaml')} is a symbolic link to ${join(d, 'gone', 'litellm.yaml')}, and the directory ${join(d, 'gone')} does not exist: create it (mkdir -p ${join(d, 'gone')}) or fix the link or fix deploy.target / --target`,
    );
    await expect(writeFileAtomic(join(d, 'current.yaml'), 'x')).rejects.toThrow(/cannot write/);
    expect(lstatSync(join(d, 'current.yaml')).isSymbolicLink()).toBe(true);
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
