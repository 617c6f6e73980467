// A streamed answer as a small state machine. A pump starts `awaiting_first_event`: nothing reaches the
// client until the first data event arrived and is not an error, so a stream that fails early still
// falls back. The first good event `commit`s (status line and headers go out) and the pump is
// `streaming`; the upstream's end, an error, or a break moves it to `settled`, exactly once, with the
// attempt's outcome. After the commit a break ends the client's stream with an error event.
// The two ways to move bytes live in pass-through.ts (OpenAI-shaped upstreams: bytes as they come)
// and translating.ts (native adapters: events in, OpenAI chunks out).
import type { Dispatcher } from 'undici';
import { successHeaders } from '../http/exchange.js';
import { errorCode, networkFailure, type Outcome } from '../attempt/outcome.js';
import { countTokens, markServed } from '../attempt/bookkeeping.js';
import type { AnswerContext } from '../answer/context.js';
import { sseErrorEvent } from '../sse.js';

export type PumpState = 'awaiting_first_event' | 'streaming' | 'settled';

export abstract class StreamPump {
  protected state: PumpState = 'awaiting_first_event';
  /** The upstream body being pumped. */
  protected readonly body: Dispatcher.ResponseData['body'];
  private resolve!: (o: Outcome) => void;
  readonly outcome: Promise<Outcome>;

  constructor(protected readonly a: AnswerContext) {
    this.body = a.resp.body;
    this.outcome = new Promise<Outcome>((resolve) => {
      this.resolve = resolve;
    });
  }

  /** Wires the pump to the upstream body; the promise settles with the attempt's outcome. */
  run(): Promise<Outcome> {
    const body = this.body;
    body.on('data', this.onData);
    body.once('end', () => {
      if (this.state !== 'settled') this.onEnd();
    });
    body.once('error', (err: Error) => {
      if (this.state !== 'settled') this.onError(err);
    });
    return this.outcome;
  }

  /** A chunk of upstream bytes while the pump is not settled. */
  protected abstract accept(chunk: Buffer): void;
  /** The upstream body ended while the pump is not settled. */
  protected abstract onEnd(): void;

  private readonly onData = (chunk: Buffer): void => {
    if (this.state !== 'settled') this.accept(chunk);
  };

  private onError(err: Error): void {
    if (this.state === 'awaiting_first_event') return this.settle(networkFailure(this.a.r, err, this.a.timedOut()));
    if (this.a.r.clientGone) return this.settle({ kind: 'aborted' });
    this.breakMidway(`upstream stream broke: ${errorCode(err)}`, 'upstream_stream_error');
    this.settle({ kind: 'served' });
  }

  protected settle(o: Outcome): void {
    if (this.state === 'settled') return;
    this.state = 'settled';
    this.body.off('data', this.onData);
    this.resolve(o);
  }

  /** The first good event: the status line and headers go out; from here on there is no fallback. */
  protected commit(): void {
    const { svc, r, group, d } = this.a;
    this.state = 'streaming';
    clearTimeout(this.a.timer);
    markServed(svc, r, group, d, this.a.upstreamStart);
    const headers = successHeaders(r, d, 'text/event-stream; charset=utf-8');
    headers['cache-control'] = 'no-cache';
    headers['x-accel-buffering'] = 'no';
    r.res.writeHead(200, headers);
  }

  /** Writes to the client, pausing the upstream while the client's socket is full. */
  protected write(chunk: Buffer | string): void {
    const res = this.a.r.res;
    if (!res.write(chunk)) {
      this.body.pause();
      res.once('drain', () => this.body.resume());
    }
  }

  /** A committed stream broke: the client gets an error event, the deployment a failure. */
  protected breakMidway(message: string, code: string): void {
    const { svc, r, d } = this.a;
    const res = r.res;
    if (!res.writableEnded) {
      res.write(this.errorEvent(message, code));
      res.end();
    }
    svc.log.warn({ event: 'stream_broken', req_id: r.id, deployment: d.id, detail: message }, 'upstream stream broke after the first chunk');
    d.state.onFailure(Date.now(), 'stream_broken', r.table.settings.allowedFails, d.cooldownMs);
    svc.fleet.onFailure(r.table, d, Date.now());
    svc.metrics.upstreamFailure(d.provider, 'network');
  }

  /** The event that ends a broken stream, in the client's API (OpenAI's error chunk unless overridden). */
  protected errorEvent(message: string, code: string): string {
    return sseErrorEvent(message, code);
  }

  /** The stream completed: the client's response ends and tokens are counted. */
  protected finish(): void {
    const { svc, r, group, d } = this.a;
    r.res.end();
    countTokens(svc, r, d, group);
    this.settle({ kind: 'served' });
  }
}
