// Backups of deployed files. One backup is one directory `<id>/` in the backup directory holding
// `config.yaml` (the exact bytes that were deployed) and `meta.json`. Both are written into a hidden staging
// directory first, which is renamed to `<id>` in one step: a kill at any moment leaves either a whole backup
// or a staging directory that is never listed and is removed by the next backup. Backups taken by older
// versions as a flat pair `<id>.yaml` + `<id>.json` are still listed and restored.
//
// A backup directory may be shared by several targets (staging and prod deployed from one checkout): every
// backup names its target, and listing, `latest`, and pruning only ever look at one target's backups.
// ids sort by time: `20250101T120000123Z-<sha8>`.
import { join, resolve } from 'node:path';
import { mkdir, open, readdir, readFile, rename, rm, stat, unlink } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { RainyModelError } from '../shared/errors.js';
import { syncDir } from './atomic-write.js';
import { isAlive } from './lock.js';
import { sha256 } from './plan.js';

export interface BackupMeta {
  id: string;
  created_at: string;
  /** The deployed file this is a copy of. */
  target: string;
  sha256: string;
  size: number;
  /** Commit of the sources the backed-up file was built from (from the audit log); null when unknown. */
  sources_commit: string | null;
  /** Commit of the sources whose deploy replaced it (the apply that took this backup). */
  replaced_by_commit?: string | null;
  reason: string;
  /**
   * Whether these bytes had been verified as serving when they were backed up: true when the last deploy of
   * record for the target left exactly them in place and verified them; false when they were left by an apply
   * that never verified them (killed or forced out mid-way, or failed with nothing to restore); null when
   * unknown (edited by hand, no audit log). `latest` skips backups known to be unverified.
   */
  verified?: boolean | null;
}

export interface BackupEntry extends BackupMeta {
  file: string;
}

const STAGING = '.staging-';
const CONTENT = 'config.yaml';
const META = 'meta.json';
/** A flat pair half written by an older rmctl is an orphan once it is this old (its writer took milliseconds). */
const LEGACY_ORPHAN_AGE_MS = 60_000;

function idFor(date: Date, digest: string): string {
  return `${date.toISOString().replace(/[-:.]/g, '')}-${digest.slice(0, 8)}`;
}

export function sameTarget(a: string, b: string): boolean {
  return resolve(a) === resolve(b);
}

async function writeSynced(path: string, data: string): Promise<void> {
  const fh = await open(path, 'wx', 0o640);
  try {
    await fh.writeFile(data, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
}

export interface CreateBackup {
  target: string;
  sourcesCommit: string | null;
  replacedByCommit?: string | null;
  reason: string;
  verified?: boolean | null;
  now?: Date;
}

export class BackupStore {
  constructor(readonly dir: string) {}

  async create(content: string, meta: CreateBackup): Promise<BackupEntry> {
    const digest = sha256(content);
    const now = meta.now ?? new Date();
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o750 });
      await this.removeOrphans();
      const existing = new Set(await readdir(this.dir));
      const base = idFor(now, digest);
      let id = base;
      for (let n = 2; existing.has(id) || existing.has(`${id}.json`) || existing.has(`${id}.yaml`); n++) id = `${base}-${n}`;
      const stored: BackupMeta = {
        id,
        created_at: now.toISOString(),
        target: meta.target,
        sha256: digest,
        size: Buffer.byteLength(content),
        sources_commit: meta.sourcesCommit,
        ...(meta.replacedByCommit !== undefined ? { replaced_by_commit: meta.replacedByCommit } : {}),
        reason: meta.reason,
        verified: meta.verified ?? null,
      };
      const staging = join(this.dir, `${STAGING}${process.pid}-${randomBytes(4).toString('hex')}`);
      await mkdir(staging, { mode: 0o750 });
      try {
        await writeSynced(join(staging, CONTENT), content);
        await writeSynced(join(staging, META), `${JSON.stringify(stored, null, 2)}\n`);
        await syncDir(staging);
        await rename(staging, join(this.dir, id));
      } catch (err) {
        await rm(staging, { recursive: true, force: true }).catch(() => undefined);
        throw err;
      }
      await syncDir(this.dir);
      return { ...stored, file: join(this.dir, id, CONTENT) };
    } catch (err) {
      throw new RainyModelError('deploy/backup', `cannot back up to ${this.dir}: ${(err as Error).message}`, { cause: err });
    }
  }

  /**
   * Removes what killed writers left: staging directories whose process is gone, and (older versions) a
   * `.yaml` without its `.json` or the other way round, and their temp files. Returns the names removed.
   */
  async removeOrphans(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const removed: string[] = [];
    const present = new Set(names);
    const deadWriter = (rest: string): boolean => {
      const pid = Number.parseInt(rest.split('-')[0] ?? '', 10);
      return !Number.isInteger(pid) || pid <= 0 || (pid !== process.pid && !isAlive(pid));
    };
    for (const name of names) {
      let orphan = false;
      if (name.startsWith(STAGING)) orphan = deadWriter(name.slice(STAGING.length));
      else if (/\.rmctl-tmp-/.test(name)) orphan = deadWriter(name.slice(name.indexOf('.rmctl-tmp-') + '.rmctl-tmp-'.length));
      else if (name.endsWith('.yaml') || name.endsWith('.json')) {
        const id = name.slice(0, -5);
        const partner = name.endsWith('.yaml') ? `${id}.json` : `${id}.yaml`;
        if (!present.has(partner)) {
          const age = await stat(join(this.dir, name)).then((s) => Date.now() - s.mtimeMs, () => 0);
          orphan = age > LEGACY_ORPHAN_AGE_MS;
        }
      }
      if (!orphan) continue;
      await rm(join(this.dir, name), { recursive: true, force: true }).then(
        () => removed.push(name),
        () => undefined,
      );
    }
    return removed;
  }

  private async readEntry(metaFile: string, file: string, id: string): Promise<BackupEntry | undefined> {
    try {
      const meta = JSON.parse(await readFile(metaFile, 'utf8')) as BackupMeta;
      return meta.id === id && typeof meta.target === 'string' ? { ...meta, file } : undefined;
    } catch {
      return undefined; // not ours, or damaged: listing must not fail because of one bad entry
    }
  }

  /** Every whole backup in the directory, of every target, newest first. */
  async listAll(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new RainyModelError('deploy/backup', `cannot read ${this.dir}: ${(err as Error).message}`, { cause: err });
    }
    const present = new Set(names);
    const entries: BackupEntry[] = [];
    for (const name of names) {
      if (name.startsWith('.')) continue;
      let entry: BackupEntry | undefined;
      if (name.endsWith('.json')) {
        const id = name.slice(0, -'.json'.length);
        if (present.has(`${id}.yaml`)) entry = await this.readEntry(join(this.dir, name), join(this.dir, `${id}.yaml`), id);
      } else if (!name.endsWith('.yaml')) {
        entry = await this.readEntry(join(this.dir, name, META), join(this.dir, name, CONTENT), name);
      }
      if (entry) entries.push(entry);
    }
    return entries.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** The backups of one target, newest first. */
  async list(target: string): Promise<BackupEntry[]> {
    return (await this.listAll()).filter((e) => sameTarget(e.target, target));
  }

  /**
   * A backup of `target` by id, unique id prefix, or `latest` (the newest one not known to be unverified);
   * its content checked against the recorded sha256.
   */
  async get(ref: string, target: string): Promise<{ entry: BackupEntry; content: string }> {
    const all = await this.listAll();
    const mine = all.filter((e) => sameTarget(e.target, target));
    let entry: BackupEntry | undefined;
    if (ref === 'latest') entry = mine.find((e) => e.verified !== false);
    else {
      entry = mine.find((e) => e.id === ref);
      if (!entry) {
        const matches = mine.filter((e) => e.id.startsWith(ref));
        if (matches.length > 1) {
          throw new RainyModelError('deploy/backup-ambiguous', `backup "${ref}" matches ${matches.length} backups of ${target}: ${matches.map((m) => m.id).join(', ')}`);
        }
        entry = matches[0];
      }
    }
    if (!entry) throw this.unknown(ref, target, mine, all);
    const content = await readFile(entry.file, 'utf8');
    if (sha256(content) !== entry.sha256) {
      throw new RainyModelError('deploy/backup-corrupt', `backup ${entry.id} does not match its recorded sha256; refusing to restore it`);
    }
    return { entry, content };
  }

  private unknown(ref: string, target: string, mine: BackupEntry[], all: BackupEntry[]): RainyModelError {
    const other = ref === 'latest' ? undefined : all.find((e) => e.id === ref || e.id.startsWith(ref));
    if (other) {
      return new RainyModelError(
        'deploy/backup-other-target',
        `backup ${other.id} is a backup of ${other.target}, not of ${target}; to restore it there, pass --target ${other.target}`,
      );
    }
    if (mine.length === 0) return new RainyModelError('deploy/backup-unknown', `no backups of ${target} in ${this.dir}`);
    if (ref === 'latest') {
      return new RainyModelError(
        'deploy/backup-unknown',
        `every backup of ${target} holds a config that was never verified as serving; pick one by id if you mean it (rmctl backups)`,
      );
    }
    return new RainyModelError('deploy/backup-unknown', `no backup "${ref}" of ${target} in ${this.dir}; run \`rmctl backups\` to list them`);
  }

  /** Keeps the newest `keep` backups of `target` (at least one), deletes its others; returns the deleted ids. */
  async prune(keep: number, target: string): Promise<string[]> {
    const doomed = (await this.list(target)).slice(Math.max(1, keep));
    for (const e of doomed) {
      if (e.file.endsWith(`${e.id}.yaml`)) {
        // A flat pair: metadata first, so a half-deleted backup looks unfinished, not valid with missing content.
        await unlink(join(this.dir, `${e.id}.json`)).catch(() => undefined);
        await unlink(e.file).catch(() => undefined);
      } else {
        // Out of the listing in one rename, then deleted at leisure.
        const trash = join(this.dir, `${STAGING}${process.pid}-prune-${e.id}`);
        await rename(join(this.dir, e.id), trash).then(() => rm(trash, { recursive: true, force: true }), () => undefined);
      }
    }
    return doomed.map((e) => e.id);
  }
}
