// One Redis connection and the one rule that says whether it is up. Down means: the connection is lost,
// Redis answered nothing for STALL_STRIKES x redis_timeout_ms while a command waited, or ERROR_STRIKES
// commands in a row failed. One slow command is not an outage: while the link is up a caller waits for
// its reply (that is what keeps shared limits exact on a busy host). Up again needs UP_PROBES pings in a
// row answered within the timeout, so a recovering Redis does not flap. Requests never wait on a link that
// is down; a caller waiting when it goes down is released at once (LinkDownError) and decides locally.
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from '../logging.js';
import type { RedisTarget } from './settings.js';

export interface LinkEvents {
  onUp(): void;
  onDown(): void;
}

export class RedisScript {
  readonly sha: string;

  constructor(
    readonly name: string,
    readonly lua: string,
  ) {
    this.sha = createHash('sha1').update(lua).digest('hex');
  }
}

/** The link is down (or went down while the command waited): decide locally. */
export class LinkDownError extends Error {
  constructor(reason: string) {
    super(`redis down: ${reason}`);
    this.name = 'LinkDownError';
  }
}

// ioredis is loaded on first use: most deployments run without Redis, and the client library alone
// added ~14 MB to every process's resident memory.
let RedisClient: typeof Redis | undefined;

/** Loads the Redis client library; RedisLink needs it loaded first. */
export async function loadRedisClient(): Promise<void> {
  RedisClient ??= (await import('ioredis')).Redis;
}

const RECONNECT_MAX_MS = 2000;
const PROBE_INTERVAL_MS = 250;
/** Timeouts without any reply in between before Redis counts as down (a stall, not a slow command). */
export const STALL_STRIKES = 3;
/** Failed commands in a row (error replies) before Redis counts as down. */
const ERROR_STRIKES = 3;
/** Pings in a row answered within the timeout before a down Redis counts as up again. */
const UP_PROBES = 2;

export class RedisLink {
  readonly client: Redis;
  private healthy = false;
  private closed = false;
  private lastDownReason = '';
  private announced: 'up' | 'down' | undefined;
  private probe?: NodeJS.Timeout;
  private probesPassed = 0;
  private errorsInRow = 0;
  /** Commands sent and not answered yet; since when at least one was; when the last reply of any kind came. */
  private pending = 0;
  private busySince = 0;
  private lastReplyAt = 0;
  /** Of the current silence, how long this process itself was kept from running. */
  private starvedMs = 0;
  private watchdog?: NodeJS.Timeout;
  private readonly waiters = new Set<(err: LinkDownError) => void>();

  constructor(
    readonly target: RedisTarget,
    readonly timeoutMs: number,
    private readonly log: Logger,
    private readonly events: LinkEvents,
  ) {
    if (!RedisClient) throw new Error('RedisLink: call loadRedisClient() first');
    this.client = new RedisClient({
      host: target.host,
      port: target.port,
      password: target.password,
      db: target.db,
      // Connecting is started explicitly (bounded wait at startup); commands while disconnected must fail
      // at once instead of queueing behind a reconnect, and no command is retried behind the caller's back.
      // No per-command timeout: a command is never abandoned while the connection lives (its reply, even a
      // late one, is what reconciliation relies on); the stall watchdog below decides what is an outage.
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      connectTimeout: Math.max(1000, timeoutMs * STALL_STRIKES),
      retryStrategy: (times: number) => Math.min(times * 100, RECONNECT_MAX_MS),
      enableReadyCheck: true,
    });
    this.client.on('ready', () => this.startProbing());
    this.client.on('close', () => this.markDown(this.lastDownReason || 'connection closed'));
    // Without a listener ioredis reports every failed reconnect on stderr; 'close' follows an error.
    this.client.on('error', (err: Error) => (this.lastDownReason = err.message));
  }

  get up(): boolean {
    return this.healthy;
  }

  get where(): string {
    return `${this.target.host}:${this.target.port}/${this.target.db}`;
  }

  /** Starts connecting; resolves once up or after `waitMs`, whichever is first. Never throws. */
  async start(waitMs: number): Promise<void> {
    this.client.connect().catch(() => undefined);
    await new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waitUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, waitMs);
      this.waitUp = done;
    });
    if (!this.healthy) this.markDown(this.lastDownReason || `not connected within ${waitMs} ms`);
  }

  private waitUp?: () => void;

  private markUp(): void {
    if (this.closed || this.healthy) return;
    this.healthy = true;
    this.errorsInRow = 0;
    this.stopProbing();
    this.waitUp?.();
    if (this.announced === 'up') return;
    this.announced = 'up';
    this.log.info({ event: 'redis_up', redis: this.where }, `redis ${this.where} up: fleet state shared`);
    this.events.onUp();
  }

  markDown(reason: string): void {
    if (this.closed) return;
    this.lastDownReason = reason;
    this.healthy = false;
    const err = new LinkDownError(reason);
    for (const release of this.waiters) release(err);
    this.waiters.clear();
    // A connection that is open but stopped answering emits no new 'ready' when it recovers: probe it.
    // A lost connection comes back through ioredis' reconnect, whose 'ready' starts the probes too.
    if (this.client.status === 'ready') this.startProbing();
    // Once per transition: a reconnect loop must not write a line every 100 ms.
    if (this.announced === 'down') return;
    this.announced = 'down';
    this.log.warn({ event: 'redis_down', redis: this.where, reason }, `redis ${this.where} down (${reason}): using local state until it is back`);
    this.events.onDown();
  }

  private startProbing(): void {
    if (this.closed || this.healthy || this.probe) return;
    this.probesPassed = 0;
    const tick = (): void => {
      if (this.client.status !== 'ready') return;
      const started = performance.now();
      this.client.ping().then(
        () => {
          if (performance.now() - started > this.timeoutMs) this.probesPassed = 0;
          // The first connection needs one answer; coming back from down needs several in a row.
          else if (++this.probesPassed >= (this.announced === 'down' ? UP_PROBES : 1)) this.markUp();
        },
        () => (this.probesPassed = 0),
      );
    };
    tick();
    this.probe = setInterval(tick, PROBE_INTERVAL_MS);
    this.probe.unref();
  }

  private stopProbing(): void {
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
  }

  /**
   * Runs a script (EVALSHA, loading it on NOSCRIPT). While the link is up this waits for the reply however
   * slow; it rejects with LinkDownError when the link is down or goes down meanwhile (`release`), else
   * with the command's own error. Without `release` it waits for the command's real outcome.
   */
  run(script: RedisScript, keys: readonly string[], args: ReadonlyArray<string | number>, release = true): Promise<unknown> {
    if (!this.healthy) return Promise.reject(new LinkDownError(this.lastDownReason || 'not connected'));
    const command = this.track(this.evalScript(script, keys, args));
    if (!release) return command;
    return new Promise((resolve, reject) => {
      const onDown = (err: LinkDownError): void => reject(err);
      this.waiters.add(onDown);
      command.then(
        (v) => {
          this.waiters.delete(onDown);
          resolve(v);
        },
        (err: unknown) => {
          this.waiters.delete(onDown);
          reject(err);
        },
      );
    });
  }

  /** Any other command, measured by the same health rule (fire-and-forget writes). */
  send<T>(command: () => Promise<T>): Promise<T> {
    if (!this.healthy) return Promise.reject(new LinkDownError(this.lastDownReason || 'not connected'));
    return this.track(command());
  }

  private async evalScript(script: RedisScript, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await this.client.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (err) {
      // A restarted Redis has an empty script cache.
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return await this.client.eval(script.lua, keys.length, ...keys, ...args);
      throw err;
    }
  }

  private track<T>(command: Promise<T>): Promise<T> {
    const now = performance.now();
    if (this.pending++ === 0) {
      this.busySince = now;
      this.starvedMs = 0;
      this.armWatchdog();
    }
    const settle = (ok: boolean): void => {
      this.pending--;
      this.lastReplyAt = performance.now();
      this.starvedMs = 0;
      if (ok) this.errorsInRow = 0;
      else if (this.client.status === 'ready' && ++this.errorsInRow >= ERROR_STRIKES) this.markDown(`${this.errorsInRow} commands in a row failed`);
    };
    command.then(
      () => settle(true),
      () => settle(false),
    );
    return command;
  }

  /** While commands wait: every timeout, check how long Redis has answered nothing. */
  private armWatchdog(): void {
    if (this.watchdog) return;
    const armedAt = performance.now();
    this.watchdog = setTimeout(() => {
      // A busy event loop fires timers before it reads sockets: give the replies that already arrived one
      // I/O poll (setImmediate runs after it) before counting this as silence.
      setImmediate(() => {
        this.watchdog = undefined;
        if (this.pending === 0 || this.closed) return;
        const now = performance.now();
        // Time this process could not run (the timer fired late) is not time Redis kept silent.
        this.starvedMs += Math.max(0, now - armedAt - this.timeoutMs * 1.5);
        const silentMs = now - Math.max(this.lastReplyAt, this.busySince) - this.starvedMs;
        if (silentMs >= this.timeoutMs * STALL_STRIKES && this.healthy) this.markDown(`no reply for ${Math.round(silentMs)} ms`);
        this.armWatchdog();
      });
    }, this.timeoutMs);
    this.watchdog.unref();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.healthy = false;
    this.stopProbing();
    if (this.watchdog) clearTimeout(this.watchdog);
    const err = new LinkDownError('closed');
    for (const release of this.waiters) release(err);
    this.waiters.clear();
    try {
      await this.client.quit();
    } catch {
      // Not connected: nothing to say goodbye to.
      this.client.disconnect();
    }
  }
}
