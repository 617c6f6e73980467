// Shared set-up for deploy tests: temp dirs, a `systemctl` stand-in first on PATH that really restarts a
// real server process, a free loopback port outside the ephemeral range, temp git repos, and cleanup of
// every process started.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** The kernel's ephemeral port range: where listen(0) and outgoing connections get their ports. */
function ephemeralPorts(): { low: number; high: number } {
  try {
    const [low, high] = readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/).map(Number);
    if (Number.isInteger(low) && Number.isInteger(high)) return { low: low as number, high: high as number };
  } catch {
    // not Linux: the IANA range
  }
  return { low: 49152, high: 65535 };
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

async function ephemeralPort(): Promise<number> {
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

/**
 * A free loopback port for a service that the stand-in stops and starts again, taken from outside the
 * kernel's ephemeral range: while the service is down between a stop and the next start, no outgoing
 * connection and no listen(0) anywhere on the machine (another test file, another suite running alongside)
 * can be handed the port, so the restarted service always gets it back.
 */
export async function freePort(): Promise<number> {
  const { low, high } = ephemeralPorts();
  const [from, to] = low - 20_000 >= 5_000 ? [20_000, low - 1] : [high + 1, 65_535];
  if (to - from >= 1_000) {
    for (let attempt = 0; attempt < 50; attempt++) {
      const port = from + Math.floor(Math.random() * (to - from + 1));
      if (await canListen(port)) return port;
    }
  }
  return ephemeralPort();
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
  // One call at a time, as systemd runs one job at a time on a unit: flock(1) holds jobs.lock for the whole
  // call and lets go when the call ends, however it ends (killed included).
  const standinCommand = `"${process.execPath}" "${join(FIXTURES, 'systemctl-standin.mjs')}" "$@"`;
  writeFileSync(
    wrapper,
    // `show` is a query, not a job: systemd answers it while a job runs, so it does not wait for the lock.
    `#!/bin/sh\ncase " $* " in *" show "*) exec ${standinCommand};; esac\nif command -v flock >/dev/null 2>&1; then exec flock "${join(stateDir, 'jobs.lock')}" ${standinCommand}; fi\nexec ${standinCommand}\n`,
  );
  chmodSync(wrapper, 0o755);
  const env = { ...process.env, PATH: `${binDir}:${process.env.PATH ?? ''}`, STANDIN_STATE_DIR: stateDir };
  const pidOf = (name: string): number | undefined => {
    const file = join(stateDir, `${name}.pid`);
    if (!existsSync(file)) return undefined;
    const pid = Number(readFileSync(file, 'utf8'));
    // Never 0 or less: kill(0) would signal this process's own group.
    return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
  };
  return {
    binDir,
    stateDir,
    env,
    pidOf,
    calls: () => (existsSync(join(stateDir, 'calls.log')) ? readFileSync(join(stateDir, 'calls.log'), 'utf8').trim().split('\n') : []),
    cleanup: async () => {
      // A call still running (left by an apply the test killed, or blocked by a test that failed) may start a
      // process yet: unblock it and let it finish first, so that nothing is started after the kill below.
      for (const file of readdirSync(stateDir)) if (file.startsWith('block-')) rmSync(join(stateDir, file), { force: true });
      await execa('flock', ['-w', '20', join(stateDir, 'jobs.lock'), 'true'], { reject: false });
      for (const name of Object.keys(services)) {
        const pid = pidOf(name);
        if (pid === undefined) continue;
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          continue; // exited in between
        }
        for (let i = 0; i < 200 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 10));
      }
    },
  };
}

/** Starts the service and waits until it answers, as if it had been running before the apply. */
export async function startService(standin: Standin, name: string, healthUrl?: string): Promise<void> {
  await execa('systemctl', ['--user', 'start', name], { env: standin.env, extendEnv: false });
  if (!healthUrl) return;
  const deadline = Date.now() + 60_000;
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
export async function waitFor(check: () => boolean, what: string, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
