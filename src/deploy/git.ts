// Reading sources as they were at a commit, through git's object database only (`git show <commit>:<path>`):
// the working tree and index are never touched, so a rollback cannot clobber someone's uncommitted edits.
import { dirname, relative, resolve, sep } from 'node:path';
import { execa } from 'execa';
import { RainyModelError } from '../shared/errors.js';

async function git(cwd: string, args: string[]): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  const result = await execa('git', args, { cwd, reject: false, stripFinalNewline: false, stdin: 'ignore' });
  if ((result.cause as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    throw new RainyModelError('deploy/git', 'git not found on PATH', { cause: result });
  }
  return { exitCode: result.exitCode ?? 1, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '').trim() };
}

/** The top of the repository containing `path` (a file or directory); null when it is not in one. */
export async function repoRoot(path: string): Promise<string | null> {
  const res = await git(dirname(resolve(path)), ['rev-parse', '--show-toplevel']).catch(() => null);
  if (!res || res.exitCode !== 0) return null;
  return res.stdout.trim();
}

/** Full sha of a commit-ish; a clear error when it is unknown. */
export async function resolveCommit(root: string, rev: string): Promise<string> {
  if (rev === '' || rev.startsWith('-')) {
    throw new RainyModelError('deploy/git-unknown-commit', `"${rev}" is not a commit`);
  }
  const res = await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
  if (res.exitCode !== 0) {
    throw new RainyModelError('deploy/git-unknown-commit', `unknown commit "${rev}" in ${root}`);
  }
  return res.stdout.trim();
}

/** The text of `path` at `commit`; null when the commit does not have that file. */
export async function showFile(root: string, commit: string, path: string): Promise<string | null> {
  const rel = relative(root, resolve(path)).split(sep).join('/');
  if (rel.startsWith('..')) {
    throw new RainyModelError('deploy/git', `${path} is outside the repository ${root}`);
  }
  const exists = await git(root, ['cat-file', '-e', `${commit}:${rel}`]);
  if (exists.exitCode !== 0) return null;
  const res = await git(root, ['show', `${commit}:${rel}`]);
  if (res.exitCode !== 0) {
    throw new RainyModelError('deploy/git', `git show ${commit}:${rel} failed: ${res.stderr}`);
  }
  return res.stdout;
}

/**
 * The commit the sources come from, for backups and the audit log: `abc123` or `abc123+dirty` when the
 * given files differ from it; null outside a repository.
 */
export async function sourcesCommit(paths: string[]): Promise<string | null> {
  const first = paths[0];
  if (!first) return null;
  const root = await repoRoot(first);
  if (!root) return null;
  const head = await git(root, ['rev-parse', '--verify', '--quiet', 'HEAD']);
  if (head.exitCode !== 0) return null;
  const rels = paths.map((p) => relative(root, resolve(p)));
  const status = await git(root, ['status', '--porcelain', '--', ...rels]);
  const dirty = status.exitCode === 0 && status.stdout.trim() !== '';
  return `${head.stdout.trim()}${dirty ? '+dirty' : ''}`;
}
