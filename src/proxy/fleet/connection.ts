// One Redis connection with a health flag. Requests never wait on a Redis that is known to be down:
// while the flag is down callers use local state at once, and only the background sync (which blocks
// nothing) probes Redis until it answers again. Transitions are logged once and exported as a gauge.
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

// ioredis is loaded on first use: most deployments run without Redis, and the client library alone
// added ~14 MB to every process's resident memory.
let RedisClient: typeof Redis | undefined;

/** Loads the Redis client library; RedisLink needs it loaded first. */
export async function loadRedisClient(): Promise<void> {
  RedisClient ??= (await import('ioredis')).Redis;
}

const RECONNECT_MAX_MS = 2000;
const PROBE_INTERVAL_MS = 250;

export class RedisLink {
  readonly client: Redis;
  private healthy = false;
  private closed = false;
  private lastDownReason = '';
  private announced: 'up' | 'down' | undefined;
  private probe?: NodeJS.Timeout;

  constructor(
    readonly target: RedisTarget,
    commandTimeoutMs: number,
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
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: commandTimeoutMs,
      connectTimeout: 1000,
      retryStrategy: (times: number) => Math.min(times * 100, RECONNECT_MAX_MS),
      enableReadyCheck: true,
    });
    this.client.on('ready', () => this.markUp());
    this.client.on('close', () => this.markDown('connection closed'));
    // Without a listener ioredis reports every failed reconnect on stderr; the transition log is enough.
    this.client.on('error', (err: Error) => this.markDown(err.message));
  }

  get up(): boolean {
    return this.healthy;
  }

  get where(): string {
    return `${this.target.host}:${this.target.port}/${this.target.db}`;
  }

  /** Starts connecting; resolves once connected or after `waitMs`, whichever is first. Never throws. */
  async start(waitMs: number): Promise<void> {
    const connecting = this.client.connect().catch(() => undefined);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([connecting, new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)))]);
    clearTimeout(timer);
    if (!this.healthy) this.markDown(this.lastDownReason || `not connected within ${waitMs} ms`);
  }

  markUp(): void {
    if (this.closed) return;
    this.healthy = true;
    if (this.probe) clearInterval(this.probe);
    this.probe = undefined;
    if (this.announced === 'up') return;
    this.announced = 'up';
    this.log.info({ event: 'redis_up', redis: this.where }, `redis ${this.where} up: fleet state shared`);
    this.events.onUp();
  }

  markDown(reason: string): void {
    if (this.closed) return;
    this.healthy = false;
    this.lastDownReason = reason;
    // A connection that is open but stopped answering (timeouts) emits no new 'ready' when it recovers:
    // ping it in the background until it answers. A lost connection comes back through ioredis' reconnect.
    if (!this.probe) {
      this.probe = setInterval(() => {
        if (this.client.status === 'ready') this.client.ping().then(() => this.markUp(), () => undefined);
      }, PROBE_INTERVAL_MS);
      this.probe.unref();
    }
    // Once per transition: a reconnect loop must not write a line every 100 ms.
    if (this.announced === 'down') return;
    this.announced = 'down';
    this.log.warn({ event: 'redis_down', redis: this.where, reason }, `redis ${this.where} down (${reason}): using local state until it is back`);
    this.events.onDown();
  }

  /** Runs a script (EVALSHA, loading it on NOSCRIPT). Rejects on timeout or any Redis error. */
  async run(script: RedisScript, keys: readonly string[], args: ReadonlyArray<string | number>): Promise<unknown> {
    try {
      return await this.client.evalsha(script.sha, keys.length, ...keys, ...args);
    } catch (err) {
      if (err instanceof Error && err.message.startsWith('NOSCRIPT')) return await this.client.eval(script.lua, keys.length, ...keys, ...args);
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.healthy = false;
    if (this.probe) clearInterval(this.probe);
    try {
      await this.client.quit();
    } catch {
      // Not connected: nothing to say goodbye to.
      this.client.disconnect();
    }
  }
}
