// The frame the native stream translators (anthropic, gemini, ollama) share: one answer id and
// timestamp for the whole stream, OpenAI `chat.completion.chunk` events built around a delta, and the
// usage chunk OpenAI sends last (as with stream_options.include_usage: a chunk with no choices).
import { randomUUID } from 'node:crypto';
import { nowSeconds, type Json } from './common.js';
import type { RequestContext, StreamEvent, StreamTranslator } from './types.js';

export abstract class ChunkStream implements StreamTranslator {
  /** The answer's id: a fresh one until the upstream names its own. */
  protected id: string;
  protected readonly created = nowSeconds();

  constructor(
    protected readonly ctx: RequestContext,
    idPrefix = 'chatcmpl',
  ) {
    this.id = `${idPrefix}-${randomUUID()}`;
  }

  abstract push(text: string): StreamEvent[];
  abstract end(): StreamEvent[];

  /** One chat chunk: a delta (or a finish reason) for one choice. */
  protected chatChunk(delta: Json, finish: string | null = null, index = 0): StreamEvent {
    return {
      kind: 'chunk',
      data: {
        id: this.id,
        object: 'chat.completion.chunk',
        created: this.created,
        model: this.ctx.requestModel,
        choices: [{ index, delta, finish_reason: finish, logprobs: null }],
      },
    };
  }

  /** The last chunk: no choices, the usage of the whole answer. */
  protected usageChunk(usage: Json, object = 'chat.completion.chunk'): StreamEvent {
    return { kind: 'chunk', data: { id: this.id, object, created: this.created, model: this.ctx.requestModel, choices: [], usage } };
  }
}
