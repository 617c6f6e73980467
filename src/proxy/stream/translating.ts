// The stream of a native upstream (anthropic, gemini, ollama): the adapter's stream translator turns
// upstream text into events, written to the client as OpenAI chunks. An error event before the commit
// is a failure to fall back from; after it, the client's stream ends with an error event.
import { isObject } from '../http/exchange.js';
import type { StreamEvent, StreamTranslator } from '../providers/types.js';
import { SSE_DONE } from '../sse.js';
import { failed, translatedFailure } from '../attempt/outcome.js';
import { StreamPump, type PumpAttempt } from './pump.js';

export class TranslatingPump extends StreamPump {
  private readonly translator: StreamTranslator;
  private readonly decoder = new TextDecoder();

  constructor(a: PumpAttempt) {
    super(a);
    this.translator = a.d.adapter!.createStreamTranslator(a.r.ctx, a.d.adapterDeployment);
  }

  protected accept(chunk: Buffer): void {
    this.handle(this.translator.push(this.decoder.decode(chunk, { stream: true })));
  }

  protected onEnd(): void {
    const tail = this.decoder.decode();
    if (!this.handle([...(tail ? this.translator.push(tail) : []), ...this.translator.end()])) return;
    if (this.state === 'awaiting_first_event') return this.settle(failed('bad_response', 'upstream stream ended before its first chunk'));
    this.breakMidway('upstream stream ended without [DONE]', 'stream_truncated');
    this.settle({ kind: 'served' });
  }

  /** Writes the events; false once the pump settled (an error or the end). */
  private handle(events: StreamEvent[]): boolean {
    const body = this.a.body;
    for (const ev of events) {
      if (ev.kind === 'error') {
        if (this.state === 'awaiting_first_event') {
          body.destroy();
          this.settle(translatedFailure(ev.error));
        } else {
          this.breakMidway(ev.error.message, ev.error.code ?? 'upstream_stream_error');
          body.destroy();
          this.settle({ kind: 'served' });
        }
        return false;
      }
      if (this.state === 'awaiting_first_event') this.commit();
      if (ev.kind === 'done') {
        this.a.r.res.write(SSE_DONE);
        body.destroy();
        this.finish();
        return false;
      }
      this.takeUsage(ev.data.usage);
      this.write(`data: ${JSON.stringify(ev.data)}\n\n`);
    }
    return true;
  }

  private takeUsage(u: unknown): void {
    if (!isObject(u)) return;
    const r = this.a.r;
    if (typeof u.prompt_tokens === 'number') r.promptTokens = u.prompt_tokens;
    if (typeof u.completion_tokens === 'number') r.completionTokens = u.completion_tokens;
  }
}
