// Runs a provider's chat stream translator (or the OpenAI SSE parser for pass-through providers) and feeds
// its chunks to an ingress encoder, so every provider kind streams Messages / Responses events the same way.
import type { StreamEvent, StreamTranslator } from '../providers/types.js';
import { isRecord, str, type Json } from '../providers/common.js';
import { readChatUsage, tokenUsage, type ChatUsage } from './chat-reading.js';
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

/**
 * What both encoders read from a chunk, in order: the start (first chunk), usage, text, tool-call pieces
 * and the finish reason. Subclasses say what each becomes in their API.
 */
export abstract class ChunkReader implements ChunkEncoder {
  protected finishReason: unknown = null;
  private chatUsage?: ChatUsage;

  abstract done(): string;
  abstract fail(message: string, code: string): string;
  /** True once the response was closed (done or failed): later chunks are ignored. */
  protected abstract isFinished(): boolean;
  /** The opening events, once, on the first chunk ('' afterwards). */
  protected abstract start(chunk: Json): string;
  protected abstract text(text: string): string;
  protected abstract toolCall(call: Json): string;

  usage(): ChatUsage | undefined {
    return this.chatUsage;
  }

  chunk(chunk: Json): string {
    if (this.isFinished()) return '';
    let out = this.start(chunk);
    const usage = readChatUsage(chunk.usage);
    if (usage) this.chatUsage = usage;
    const choice = Array.isArray(chunk.choices) && isRecord(chunk.choices[0]) ? chunk.choices[0] : undefined;
    if (!choice) return out;
    const delta = isRecord(choice.delta) ? choice.delta : {};
    const text = str(delta.content);
    if (text) out += this.text(text);
    if (Array.isArray(delta.tool_calls)) for (const call of delta.tool_calls) if (isRecord(call)) out += this.toolCall(call);
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) this.finishReason = choice.finish_reason;
    return out;
  }
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
