// Real redis-server processes for the fleet tests: each test starts its own on a free loopback port, so
// it can stop, pause and restart it. Without the binary (a dev machine) the tests skip and say why;
// CI installs Debian's redis-server first (.ci/run).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer, Socket } from 'node:net';
import { onCleanup } from '../helpers.js';

export const REDIS_BIN = process.env.RM_TEST_REDIS_SERVER ?? 'redis-server';

export const redisAvailable: boolean = (() => {
  const r = spawnSync(REDIS_BIN, ['--version'], { encoding: 'utf8' });
  return r.status === 0;
})();

export const SKIP_MESSAGE = `redis-server not found (${REDIS_BIN}): fleet-mode tests SKIPPED; install it (apt-get install redis-server) or set RM_TEST_REDIS_SERVER`;

export async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', () => resolve()));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

/** One PING over a raw socket: true when a Redis answers PONG on the port. */
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = new Socket();
    let buf = '';
    const done = (ok: boolean): void => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(500, () => done(false));
    s.once('error', () => done(false));
    s.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
    s.connect(port, '127.0.0.1', () => s.write('PING\r\n'));
  });
}

/** Polls `cond` until it holds; fails with `what` after `timeoutMs` (a bound, not a timing assertion). */
export async function waitFor(what: string, cond: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface RedisProcess {
  port: number;
  /** Starts (or restarts) the server on the same port and waits until it answers. */
  start(): Promise<void>;
  /** Kills the server (SIGKILL: no graceful goodbye to clients, as in a crash) and waits for the exit. */
  stop(): Promise<void>;
  /** SIGSTOP / SIGCONT: a Redis that is up but does not answer. */
  pause(): void;
  resume(): void;
}

export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  let proc: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  const r: RedisProcess = {
    port,
    async start() {
      proc = spawn(REDIS_BIN, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'no', '--enable-debug-command', 'yes'], { stdio: 'ignore' });
      const p = proc;
      exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
      await waitFor(`redis-server on port ${port}`, async () => {
        if (p.exitCode !== null) throw new Error(`redis-server exited with ${p.exitCode}`);
        return ping(port);
      });
    },
    async stop() {
      if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGCONT');
      proc.kill('SIGKILL');
      await exited;
    },
    pause() {
      proc?.kill('SIGSTOP');
    },
    resume() {
      proc?.kill('SIGCONT');
    },
  };
  onCleanup(() => r.stop());
  await r.start();
  return r;
}
