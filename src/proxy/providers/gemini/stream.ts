// Gemini's :streamGenerateContent?alt=sse -> OpenAI chat chunks. Each SSE `data:` is a whole
// GenerateContentResponse; there is no end-of-stream event, so the stream is complete only when every
// choice got a finishReason before the connection closed. finish_reason and usage go out at the end.
import type { StreamEvent } from '../types.js';
import { isRecord, str, num, parseJson, NOT_JSON, SseDecoder, type Json, type SseEvent } from '../common.js';
import { ChunkStream } from '../chunk-stream.js';
import { badUpstreamEvent, streamTruncated } from '../errors.js';
import { blockedMessage, finishReason, readParts, usageOf } from './response.js';
import { fromStatusObject } from './errors.js';

interface ChoiceState {
  started: boolean;
  toolCalls: number;
  finish: string | null;
}

export class GeminiStream extends ChunkStream {
  private readonly sse = new SseDecoder();
  private readonly choices = new Map<number, ChoiceState>();
  private usage: Json | undefined;
  private failed = false;

  push(text: string): StreamEvent[] {
    return this.handle(this.sse.push(text));
  }

  end(): StreamEvent[] {
    const out = this.handle(this.sse.push('', true));
    if (this.failed) return out;
    const states = [...this.choices.values()];
    if (states.length === 0 || !states.every((s) => s.finish !== null)) {
      // Gemini has no end-of-stream event: a body that stops before a finishReason was cut off.
      out.push({ kind: 'error', error: streamTruncated('gemini: the upstream stream ended before a finishReason') });
      return out;
    }
    // finish_reason goes out once per choice, after all its content (Gemini may put both in one response).
    for (const [index, s] of [...this.choices.entries()].sort((a, b) => a[0] - b[0])) {
      this.open(index, s, out);
      out.push(this.chatChunk({}, s.finish, index));
    }
    if (this.usage) out.push(this.usageChunk(this.usage));
    out.push({ kind: 'done' });
    return out;
  }

  private state(index: number): ChoiceState {
    let s = this.choices.get(index);
    if (!s) {
      s = { started: false, toolCalls: 0, finish: null };
      this.choices.set(index, s);
    }
    return s;
  }

  /**
   * The role goes in a choice's first chunk, sent only with its first real content: until then nothing
   * reaches the client, so an early error can still fall back to another deployment.
   */
  private open(index: number, s: ChoiceState, out: StreamEvent[]): void {
    if (s.started) return;
    s.started = true;
    out.push(this.chatChunk({ role: 'assistant', content: '' }, null, index));
  }

  private handle(events: SseEvent[]): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const { data } of events) {
      if (this.failed) break;
      const msg = parseJson(data);
      if (msg === NOT_JSON) {
        this.failed = true;
        out.push({ kind: 'error', error: badUpstreamEvent('gemini: unparsable stream event') });
        break;
      }
      if (!isRecord(msg)) continue;
      if (isRecord(msg.error)) {
        this.failed = true;
        out.push({ kind: 'error', error: fromStatusObject(500, msg.error, '') });
        break;
      }
      this.response(msg, out);
    }
    return out;
  }

  /** One GenerateContentResponse: each candidate's new content, and its finishReason kept for the end. */
  private response(msg: Json, out: StreamEvent[]): void {
    this.id = str(msg.responseId) || this.id;
    this.usage = usageOf(msg.usageMetadata) ?? this.usage;
    const candidates = Array.isArray(msg.candidates) ? msg.candidates.filter(isRecord) : [];
    if (candidates.length === 0 && blockedMessage(msg)) {
      this.state(0).finish = 'content_filter';
      return;
    }
    candidates.forEach((c, i) => {
      const index = num(c.index) ?? i;
      const s = this.state(index);
      const view = readParts(c.content);
      if (view.reasoning || view.text || view.calls.length > 0) this.open(index, s, out);
      if (view.reasoning) out.push(this.chatChunk({ reasoning_content: view.reasoning }, null, index));
      if (view.text) out.push(this.chatChunk({ content: view.text }, null, index));
      for (const call of view.calls) {
        // Gemini sends each call whole; clients still expect id and name first, then the arguments.
        const ti = s.toolCalls++;
        out.push(this.chatChunk({ tool_calls: [{ index: ti, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] }, null, index));
        out.push(this.chatChunk({ tool_calls: [{ index: ti, function: { arguments: call.args } }] }, null, index));
      }
      s.finish = finishReason(c.finishReason, s.toolCalls > 0) ?? s.finish;
    });
  }
}
