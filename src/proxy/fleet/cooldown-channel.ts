// The cooldown channel: a second connection subscribed to `rainymodel:<ns>:cooldown-events`, on which
// RECORD_FAILURE publishes `<deployment id> <ms>` whenever the fleet opens a cooldown. Every connected
// replica applies it as soon as Redis delivers it; the periodic sync still pulls the whole cooldown set,
// which covers a replica that was not subscribed at the time (reconnecting, just started).
import type { Redis } from 'ioredis';
import type { RedisLink } from './connection.js';

export class CooldownChannel {
  private readonly sub: Redis;
  /** Resolves once subscribed (or after `waitMs`): configure() waits for it, then syncs, so nothing is missed. */
  readonly subscribed: Promise<void>;

  constructor(
    link: RedisLink,
    readonly channel: string,
    onCooldown: (deployment: string, ms: number) => void,
    waitMs: number,
  ) {
    // A subscriber connection cannot run other commands; it reconnects on its own like the main one.
    this.sub = link.client.duplicate({ lazyConnect: true, autoResubscribe: false, enableOfflineQueue: true });
    this.sub.on('error', () => undefined);
    let done: () => void = () => undefined;
    this.subscribed = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, waitMs);
      done = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.sub.on('ready', () => void this.sub.subscribe(channel).then(done, () => undefined));
    this.sub.on('message', (ch: string, text: string) => {
      if (ch !== channel) return;
      const space = text.lastIndexOf(' ');
      const ms = Number(text.slice(space + 1));
      if (space > 0 && Number.isFinite(ms)) onCooldown(text.slice(0, space), ms);
    });
    this.sub.connect().catch(() => undefined);
  }

  close(): void {
    this.sub.disconnect();
  }
}
