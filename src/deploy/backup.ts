// Backups of the deployed file, one pair per backup in the backup directory: `<id>.yaml` (the exact bytes
// that were deployed) and `<id>.json` (metadata). The metadata is written last, so a backup without it is
// an unfinished one (apply killed while backing up) and is neither listed nor restored.
// ids sort by time: `20250101T120000123Z-<sha8>`.
import { join } from 'node:path';
import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { RainyModelError } from '../shared/errors.js';
import { writeFileAtomic } from './atomic-write.js';
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
}

export interface BackupEntry extends BackupMeta {
  file: string;
}

function idFor(date: Date, digest: string): string {
  return `${date.toISOString().replace(/[-:.]/g, '')}-${digest.slice(0, 8)}`;
}

export class BackupStore {
  constructor(readonly dir: string) {}

  async create(content: string, meta: { target: string; sourcesCommit: string | null; replacedByCommit?: string | null; reason: string; now?: Date }): Promise<BackupEntry> {
    const digest = sha256(content);
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o750 });
      const existing = new Set(await readdir(this.dir));
      const base = idFor(meta.now ?? new Date(), digest);
      let id = base;
      for (let n = 2; existing.has(`${id}.json`) || existing.has(`${id}.yaml`); n++) id = `${base}-${n}`;
      const entry: BackupEntry = {
        id,
        created_at: (meta.now ?? new Date()).toISOString(),
        target: meta.target,
        sha256: digest,
        size: Buffer.byteLength(content),
        sources_commit: meta.sourcesCommit,
        ...(meta.replacedByCommit !== undefined ? { replaced_by_commit: meta.replacedByCommit } : {}),
        reason: meta.reason,
        file: join(this.dir, `${id}.yaml`),
      };
      await writeFileAtomic(entry.file, content, { defaultMode: 0o640 });
      const { file: _file, ...stored } = entry;
      await writeFileAtomic(join(this.dir, `${id}.json`), `${JSON.stringify(stored, null, 2)}\n`, { defaultMode: 0o640 });
      return entry;
    } catch (err) {
      throw new RainyModelError('deploy/backup', `cannot back up to ${this.dir}: ${(err as Error).message}`, { cause: err });
    }
  }

  /** Newest first. */
  async list(): Promise<BackupEntry[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new RainyModelError('deploy/backup', `cannot read ${this.dir}: ${(err as Error).message}`, { cause: err });
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const id = name.slice(0, -'.json'.length);
      if (!names.includes(`${id}.yaml`)) continue;
      try {
        const meta = JSON.parse(await readFile(join(this.dir, name), 'utf8')) as BackupMeta;
        if (meta.id !== id) continue;
        entries.push({ ...meta, file: join(this.dir, `${id}.yaml`) });
      } catch {
        // Not ours or damaged: listing must not fail because of one bad file.
      }
    }
    return entries.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  }

  /** A backup by id, unique id prefix, or `latest`; its content checked against the recorded sha256. */
  async get(ref: string): Promise<{ entry: BackupEntry; content: string }> {
    const all = await this.list();
    let entry: BackupEntry | undefined;
    if (ref === 'latest') entry = all[0];
    else {
      entry = all.find((e) => e.id === ref);
      if (!entry) {
        const matches = all.filter((e) => e.id.startsWith(ref));
        if (matches.length > 1) {
          throw new RainyModelError('deploy/backup-ambiguous', `backup "${ref}" matches ${matches.length} backups: ${matches.map((m) => m.id).join(', ')}`);
        }
        entry = matches[0];
      }
    }
    if (!entry) {
      throw new RainyModelError(
        'deploy/backup-unknown',
        all.length === 0 ? `no backups in ${this.dir}` : `no backup "${ref}" in ${this.dir}; run \`rmctl backups\` to list them`,
      );
    }
    const content = await readFile(entry.file, 'utf8');
    if (sha256(content) !== entry.sha256) {
      throw new RainyModelError('deploy/backup-corrupt', `backup ${entry.id} does not match its recorded sha256; refusing to restore it`);
    }
    return { entry, content };
  }

  /** Keeps the newest `keep` backups (at least one), deletes the rest; returns the deleted ids. */
  async prune(keep: number): Promise<string[]> {
    const all = await this.list();
    const doomed = all.slice(Math.max(1, keep));
    for (const e of doomed) {
      // Metadata first: a half-deleted backup must look unfinished, not valid with missing content.
      await unlink(join(this.dir, `${e.id}.json`)).catch(() => undefined);
      await unlink(e.file).catch(() => undefined);
    }
    return doomed.map((e) => e.id);
  }
}
