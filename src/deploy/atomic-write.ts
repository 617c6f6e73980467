// Replace a file so that any reader (the proxy restarting, an apply killed half-way) sees either the old
// bytes or the new ones, never a mix: write a temp file in the same directory (rename is only atomic
// within one filesystem), fsync it, rename it over the target, fsync the directory so the rename itself
// survives a crash. The target's mode and owner are kept: the service may run as another user.
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { chmod, chown, lstat, open, readdir, readlink, rename, stat, unlink } from 'node:fs/promises';
import { RainyModelError } from '../shared/errors.js';
import { isAlive } from './lock.js';

const TEMP_MARK = '.rmctl-tmp-';


/**
 * The file to replace: a symlinked target is updated where it points and the link itself is kept, also when
 * the link dangles (a first deploy through a link made in advance): the destination is created then.
 * Followed by hand, link by link, because realpath() fails on a dangling link.
 */
export async function resolveTarget(target: string): Promise<string> {
  let path = target;
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!(await lstat(path)).isSymbolicLink()) return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return path;
      throw err;
    }
    path = resolve(dirname(path), await readlink(path));
  }
  throw new RainyModelError('deploy/write', `${target}: too many levels of symbolic links`);
}

/** Why `target` cannot be written because of its directory (or its link's destination's), if so. */
export async function missingDirectory(target: string): Promise<string | undefined> {
  const path = await resolveTarget(target);
  const dir = dirname(path);
  try {
    if ((await stat(dir)).isDirectory()) return undefined;
  } catch {
    // missing: said below
  }
  const via = path === target ? '' : `${target} is a symbolic link to ${path}, and `;
  return `${via}the directory ${dir} does not exist: create it (mkdir -p ${dir})${via ? ' or fix the link' : ''} or fix deploy.target / --target`;
}

export interface WriteResult {
  path: string;
  mode: number;
}

export async function writeFileAtomic(target: string, data: string, options: { defaultMode?: number } = {}): Promise<WriteResult> {
  const path = await resolveTarget(target);
  const dir = dirname(path);
  let mode = options.defaultMode ?? 0o644;
  let owner: { uid: number; gid: number } | undefined;
  try {
    const st = await stat(path);
    mode = st.mode & 0o7777;
    owner = { uid: st.uid, gid: st.gid };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new RainyModelError('deploy/write', `cannot stat ${path}: ${(err as Error).message}`, { cause: err });
    }
  }
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const fh = await open(temp, 'wx', mode);
    try {
      await fh.writeFile(data, 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    // open()'s mode is filtered by the umask; the deployed file must keep exactly the old mode.
    await chmod(temp, mode);
    if (owner && (owner.uid !== process.getuid?.() || owner.gid !== process.getgid?.())) {
      // Only root may give a file away; a non-root operator replacing a file they can write keeps theirs.
      await chown(temp, owner.uid, owner.gid).catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPERM') throw err;
      });
    }
    await rename(temp, path);
  } catch (err) {
    await unlink(temp).catch(() => undefined);
    throw new RainyModelError('deploy/write', `cannot write ${path}: ${(err as Error).message}`, { cause: err });
  }
  await syncDir(dir);
  return { path, mode };
}

/** fsync a directory, so a rename in it survives a crash. */
export async function syncDir(dir: string): Promise<void> {
  try {
    const dh = await open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    // Some filesystems refuse fsync on a directory; the rename has happened, durability is best effort.
  }
}

/** Removes temp files left by writers that were killed before their rename; returns their names. */
export async function removeStaleTemps(target: string): Promise<string[]> {
  const path = await resolveTarget(target);
  const dir = dirname(path);
  const prefix = `.${basename(path)}${TEMP_MARK}`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number.parseInt(name.slice(prefix.length).split('-')[0] ?? '', 10);
    if (Number.isFinite(pid) && isAlive(pid) && pid !== process.pid) continue;
    await unlink(join(dir, name)).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}
