// Ollama's streamed answer -> OpenAI chunks (chat) or text_completion objects (completions). Ollama
// streams newline-delimited JSON objects, the last one with `done: true`, done_reason and the counters;
// an error after the 200 header arrives as one more line, `{"error": "..."}`.
import type { RequestContext, StreamEvent } from '../types.js';
import { isRecord, str, parseJson, NOT_JSON, type Json } from '../common.js';
import { ChunkStream } from '../chunk-stream.js';
import { badUpstreamEvent, streamTruncated } from '../errors.js';
import { finishReason, readCalls, reasoningOf, textOf, usageOf } from './response.js';
import { translateError } from './errors.js';

export class OllamaStream extends ChunkStream {
  private buffer = '';
  private readonly chat: boolean;
  private started = false;
  private finished = false;
  private failed = false;
  private toolCalls = 0;

  constructor(ctx: RequestContext) {
    super(ctx, ctx.endpoint === 'completion' ? 'cmpl' : 'chatcmpl');
    this.chat = ctx.endpoint !== 'completion';
  }

  push(text: string): StreamEvent[] {
    this.buffer += text;
    const out: StreamEvent[] = [];
    let nl = this.buffer.indexOf('\n');
    while (nl !== -1 && !this.finished && !this.failed) {
      const line = this.buffer.slice(0, nl);
      this.buffer = this.buffer.slice(nl + 1);
      this.line(line, out);
      nl = this.buffer.indexOf('\n');
    }
    return out;
  }

  end(): StreamEvent[] {
    const out: StreamEvent[] = [];
    if (!this.finished && !this.failed && this.buffer.trim() !== '') this.line(this.buffer, out);
    this.buffer = '';
    if (!this.finished && !this.failed) {
      this.failed = true;
      out.push({ kind: 'error', error: streamTruncated('ollama: the upstream stream ended before done') });
    }
    return out;
  }

  /** A chat chunk, or for completions a text_completion object carrying the same text. */
  private chunk(fields: Json, finish: string | null = null): StreamEvent {
    if (this.chat) return this.chatChunk(fields, finish);
    return {
      kind: 'chunk',
      data: {
        id: this.id,
        object: 'text_completion',
        created: this.created,
        model: this.ctx.requestModel,
        choices: [{ index: 0, text: str(fields.content) ?? '', finish_reason: finish, logprobs: null }],
      },
    };
  }

  private line(raw: string, out: StreamEvent[]): void {
    const line = raw.trim();
    if (line === '') return;
    const msg = parseJson(line);
    if (msg === NOT_JSON) {
      this.failed = true;
      out.push({ kind: 'error', error: badUpstreamEvent('ollama: unparsable stream line') });
      return;
    }
    if (!isRecord(msg)) return;
    if (msg.error !== undefined) {
      this.failed = true;
      out.push({ kind: 'error', error: translateError(500, line) });
      return;
    }
    this.content(msg, out);
    if (msg.done === true) {
      this.finished = true;
      out.push(this.chunk(this.chat ? {} : { content: '' }, finishReason(msg.done_reason, this.toolCalls > 0)));
      out.push(this.usageChunk(usageOf(msg), this.chat ? 'chat.completion.chunk' : 'text_completion'));
      out.push({ kind: 'done' });
    }
  }

  /** What one object adds: reasoning, text, whole tool calls. */
  private content(msg: Json, out: StreamEvent[]): void {
    const reasoning = this.chat ? reasoningOf(msg) : '';
    const text = textOf(msg);
    const calls = this.chat ? readCalls(msg.message) : [];
    // The role goes in the first chunk, sent only with the first real content (or the end): until then
    // nothing reaches the client, so an early error line can still fall back to another deployment.
    if (!this.started && this.chat && (reasoning || text || calls.length > 0 || msg.done === true)) {
      this.started = true;
      out.push(this.chunk({ role: 'assistant', content: '' }));
    }
    if (reasoning) out.push(this.chunk({ reasoning_content: reasoning }));
    if (text) out.push(this.chunk({ content: text }));
    for (const call of calls) {
      // Ollama sends each call whole; clients expect id and name first, then the arguments.
      const index = this.toolCalls++;
      out.push(this.chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }));
      out.push(this.chunk({ tool_calls: [{ index, function: { arguments: call.args } }] }));
    }
  }
}
