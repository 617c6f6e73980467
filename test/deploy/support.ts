// Shared set-up for deploy tests: temp dirs, a `systemctl` stand-in first on PATH that really restarts a
// real server process, a free loopback port, temp git repos, and cleanup of every process started.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { request } from 'undici';
import { isAlive } from '../../src/deploy/lock.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
export const FAKE_PROXY = join(FIXTURES, 'fake-proxy.mjs');
export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const RMCTL = join(REPO_ROOT, 'bin', 'rmctl');

export function tempDir(prefix = 'rm-deploy-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface Standin {
  /** Directory with the `systemctl` wrapper; put first on PATH. */
  binDir: string;
  stateDir: string;
  /** Environment for anything that should find the stand-in (in-process SystemctlService, CLI children). */
  env: Record<string, string | undefined>;
  pidOf(name: string): number | undefined;
  calls(): string[];
  /** Kill every service process the stand-in started. */
  cleanup(): Promise<void>;
}

/**
 * A `systemctl` on PATH whose services are `argv`s: restart really stops the old process and starts a new one.
 */
export function makeStandin(root: string, services: Record<string, { argv: string[] }>): Standin {
  const binDir = join(root, 'bin');
  const stateDir = join(root, 'systemd');
  mkdirSync(binDir, { recursive: true });
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, 'services.json'), JSON.stringify(services));
  const wrapper = join(binDir, 'systemctl');
  writeFileSync(wrapper, `#!/bin/sh\nexec "${process.execPath}" "${join(FIXTURES, 'systemctl-standin.mjs')}" "$@"\n`);
  chmodSync(wrapper, 0o755);
  const env = { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, STANDIN_STATE_DIR: stateDir };
  const pidOf = (name: string): number | undefined => {
    const file = join(stateDir, `${name}.pid`);
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8'));
    return isAlive(pid) ? pid : undefined;
  };
  return {
    binDir,
    stateDir,
    env,
    pidOf,
    calls: () => (existsSync(join(stateDir, 'calls.log')) ? readFileSync(join(stateDir, 'calls.log'), 'utf8').trim().split('\n') : []),
    cleanup: async () => {
      for (const name of Object.keys(services)) {
        const pid = pidOf(name);
        if (pid === undefined) continue;
        process.kill(pid, 'SIGKILL');
        for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** Starts the service and waits until it answers, as if it had been running before the apply. */
export async function startService(standin: Standin, name: string, healthUrl?: string): Promise<void> {
  await execa('systemctl', ['--user', 'start', name], { env: standin.env, extendEnv: false });
  if (!healthUrl) return;
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await request(healthUrl);
      await res.body.dump();
      // Any answer means the process is up with its signal handlers in place (503 included).
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

export async function git(cwd: string, ...args: string[]): Promise<string> {
  const r = await execa('git', args, {
    cwd,
    env: { GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.com', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.com' },
  });
  return r.stdout.trim();
}

export const PROVIDERS = (models: string[]): string => `providers:
  ollama_local:
    type: ollama
    tier: internal
    status: active
    base_url: \${RM_TEST_OLLAMA_URL:-http://127.0.0.1:11434}
    models: [${models.map((m) => JSON.stringify(m)).join(', ')}]
`;

export const MAPPINGS = `aliases:
  rainymodel/auto:
    description: General
    deployments:
      - {provider: ollama_local, model: "qwen2.5:7b"}
`;

/** A temp git repo with providers/ and mappings/ committed; returns the repo path and the commit. */
export async function makeSourceRepo(root: string, models: string[]): Promise<{ repo: string; commit: string }> {
  const repo = join(root, 'repo');
  mkdirSync(join(repo, 'providers'), { recursive: true });
  mkdirSync(join(repo, 'mappings'), { recursive: true });
  writeFileSync(join(repo, 'providers', 'providers.yaml'), PROVIDERS(models));
  writeFileSync(join(repo, 'mappings', 'model-mappings.yaml'), MAPPINGS);
  await git(repo, 'init', '-q', '-b', 'main');
  await git(repo, 'add', '.');
  await git(repo, 'commit', '-q', '-m', 'initial sources');
  return { repo, commit: await git(repo, 'rev-parse', 'HEAD') };
}

export async function commitModels(repo: string, models: string[], message: string): Promise<string> {
  writeFileSync(join(repo, 'providers', 'providers.yaml'), PROVIDERS(models));
  await git(repo, 'commit', '-q', '-am', message);
  return git(repo, 'rev-parse', 'HEAD');
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** Waits (polling) until `check` is true; throws after `ms`. For ordering between processes, not timing. */
export async function waitFor(check: () => boolean, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
