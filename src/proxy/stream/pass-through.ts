// The stream of an OpenAI-shaped upstream: bytes go to the client as they come. Before the commit the
// bytes are held back and read event by event (the shared SSE parser) until the first data event:
// comments and keep-alives do not commit; an error payload, or a first event that is not JSON, is a
// failure to fall back from. Usage is read from the last two chunks.
import { ERROR_PAYLOAD, SseDecoder } from '../sse.js';
import { failed, translatedFailure } from '../attempt/outcome.js';
import { COMPLETION_TOKENS, PROMPT_TOKENS } from '../answer/json.js';
import type { ProviderAdapter } from '../providers/types.js';
import type { AnswerContext } from '../answer/context.js';
import { StreamPump } from './pump.js';

const FIRST_EVENT_LIMIT = 1 << 20;

/** True when `data` is a JSON object (or the [DONE] sentinel): what an OpenAI stream's events carry. */
function isChunkData(data: string): boolean {
  if (data === '[DONE]') return true;
  try {
    const v: unknown = JSON.parse(data);
    return v !== null && typeof v === 'object' && !Array.isArray(v);
  } catch {
    return false;
  }
}

export class PassThroughPump extends StreamPump {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private readonly sse = new SseDecoder();
  private readonly decoder = new TextDecoder();
  private firstText = '';
  private prev: Buffer | undefined;
  private last: Buffer | undefined;

  constructor(
    a: AnswerContext,
    private readonly adapter: ProviderAdapter,
  ) {
    super(a);
  }

  protected accept(chunk: Buffer): void {
    if (this.state === 'streaming') {
      this.prev = this.last;
      this.last = chunk;
      this.write(chunk);
      return;
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    const text = this.decoder.decode(chunk, { stream: true });
    if (this.firstText.length < 120) this.firstText += text.slice(0, 120);
    this.lookForFirstEvent(this.sse.push(text));
  }

  private lookForFirstEvent(events: ReturnType<SseDecoder['push']>): void {
    for (const e of events) {
      const data = e.data.trim();
      if (data === '') continue;
      if (ERROR_PAYLOAD.test(data)) {
        this.body.destroy();
        return this.settle(translatedFailure(this.adapter.translateError(502, data)));
      }
      if (!isChunkData(data)) {
        this.body.destroy();
        return this.settle(failed('bad_response', `upstream stream's first event is not JSON: ${data.slice(0, 120)}`));
      }
      return this.commitPending();
    }
    if (this.pendingBytes > FIRST_EVENT_LIMIT) {
      this.body.destroy();
      this.settle(failed('bad_response', 'upstream stream sent no event in its first megabyte'));
    }
  }

  private commitPending(): void {
    this.commit();
    const pending = this.pending;
    for (const p of pending) this.a.r.res.write(p);
    this.last = pending[pending.length - 1];
    this.prev = pending.length > 1 ? pending[pending.length - 2] : undefined;
    this.pending = [];
  }

  protected onEnd(): void {
    if (this.state === 'awaiting_first_event') {
      return this.settle(failed('bad_response', `upstream stream ended before its first event: ${this.firstText.slice(0, 120)}`));
    }
    const r = this.a.r;
    const tail = (this.prev ? this.prev.toString('utf8') : '') + (this.last ? this.last.toString('utf8') : '');
    const p = PROMPT_TOKENS.exec(tail);
    const c = COMPLETION_TOKENS.exec(tail);
    if (p) r.promptTokens = Number(p[1]);
    if (c) r.completionTokens = Number(c[1]);
    if (!tail.includes('[DONE]')) {
      this.breakMidway('upstream stream ended without [DONE]', 'stream_truncated');
      return this.settle({ kind: 'served' });
    }
    this.finish();
  }
}
