// Runs a provider's chat stream translator (or the OpenAI SSE parser for pass-through providers) and feeds
// its chunks to an ingress encoder, so every provider kind streams Messages / Responses events the same way.
import type { StreamEvent, StreamTranslator } from '../providers/types.js';
import type { Json } from '../providers/common.js';
import { tokenUsage, type ChatUsage } from './chat-reading.js';
import type { IngressStreamEvent, IngressStreamTranslator, TokenUsage } from './types.js';

/** Chat chunks in, one API's SSE events out: a small state machine per response. */
export interface ChunkEncoder {
  /** One chat.completion.chunk -> SSE text ('' when the chunk carries nothing the API shows). */
  chunk(chunk: Json): string;
  /** The upstream finished: the events that close the response. */
  done(): string;
  /** The stream broke after it started: the API's own error event(s). */
  fail(message: string, code: string): string;
  usage(): ChatUsage | undefined;
}

export class ChatBackedStream implements IngressStreamTranslator {
  constructor(
    private readonly inner: StreamTranslator,
    private readonly encoder: ChunkEncoder,
  ) {}

  push(text: string): IngressStreamEvent[] {
    return this.map(this.inner.push(text));
  }

  end(): IngressStreamEvent[] {
    return this.map(this.inner.end());
  }

  fail(message: string, code: string): string {
    return this.encoder.fail(message, code);
  }

  usage(): TokenUsage {
    return tokenUsage(this.encoder.usage());
  }

  private map(events: StreamEvent[]): IngressStreamEvent[] {
    const out: IngressStreamEvent[] = [];
    let text = '';
    for (const ev of events) {
      if (ev.kind === 'chunk') {
        text += this.encoder.chunk(ev.data);
        continue;
      }
      if (ev.kind === 'error') {
        if (text !== '') out.push({ kind: 'data', text });
        out.push(ev);
        return out;
      }
      out.push({ kind: 'done', text: text + this.encoder.done() });
      return out;
    }
    if (text !== '') out.push({ kind: 'data', text });
    return out;
  }
}
