// The stream of a native upstream (anthropic, gemini, ollama): the adapter's stream translator turns
// upstream text into events, written to the client as OpenAI chunks (`data: {...}`), `data: [DONE]` at
// the end; usage is read from the chunks that carry it.
import { isObject } from '../http/exchange.js';
import type { ProviderAdapter, StreamEvent } from '../providers/types.js';
import type { AnswerContext } from '../answer/context.js';
import { SSE_DONE } from '../sse.js';
import { DecodingPump } from './decoding.js';

const ENDED_EARLY = { beforeFirst: 'upstream stream ended before its first chunk', midway: 'upstream stream ended without [DONE]' };

export class TranslatingPump extends DecodingPump<StreamEvent> {
  constructor(a: AnswerContext, adapter: ProviderAdapter) {
    super(a, adapter.createStreamTranslator(a.r.ctx, a.d.adapterDeployment), ENDED_EARLY);
  }

  protected writeEvent(ev: StreamEvent): void {
    if (ev.kind !== 'chunk') return;
    this.takeUsage(ev.data.usage);
    this.write(`data: ${JSON.stringify(ev.data)}\n\n`);
  }

  protected writeDone(): void {
    this.a.r.res.write(SSE_DONE);
  }

  private takeUsage(u: unknown): void {
    if (!isObject(u)) return;
    const r = this.a.r;
    if (typeof u.prompt_tokens === 'number') r.promptTokens = u.prompt_tokens;
    if (typeof u.completion_tokens === 'number') r.completionTokens = u.completion_tokens;
  }
}
