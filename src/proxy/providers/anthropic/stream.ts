// Anthropic's Messages stream -> OpenAI chat chunks. SSE events message_start (id, input usage),
// content_block_start / _delta / _stop (text, thinking, tool_use with its JSON arguments in fragments),
// message_delta (stop_reason, output usage), message_stop (the end), ping, and error.
import { randomUUID } from 'node:crypto';
import type { StreamEvent } from '../types.js';
import { isRecord, str, num, parseJson, NOT_JSON, SseDecoder, type Json, type SseEvent } from '../common.js';
import { ChunkStream } from '../chunk-stream.js';
import { badUpstreamEvent, streamTruncated } from '../errors.js';
import { emptyUsage, finishReason, openaiUsage, readUsage } from './response.js';
import { fromErrorObject } from './errors.js';

export class AnthropicStream extends ChunkStream {
  private readonly sse = new SseDecoder();
  private started = false;
  private finished = false;
  private failed = false;
  private finish: string | null = null;
  private readonly usage = emptyUsage();
  /** Anthropic content-block index -> OpenAI tool_calls[].index (tool calls are numbered on their own). */
  private readonly toolIndex = new Map<number, number>();
  /** Tool calls whose arguments got any text: one without gets "{}" when its block stops (never ""). */
  private readonly toolArgsSent = new Set<number>();

  push(text: string): StreamEvent[] {
    return this.handle(this.sse.push(text));
  }

  end(): StreamEvent[] {
    const events = this.handle(this.sse.push('', true));
    if (!this.finished && !this.failed) {
      this.failed = true;
      events.push({ kind: 'error', error: streamTruncated('anthropic: the upstream stream ended before message_stop') });
    }
    return events;
  }

  /**
   * The role goes in the first chunk, sent only with the first real content: until then nothing reaches the
   * client, so an error event that follows message_start can still fall back to another deployment.
   */
  private start(out: StreamEvent[]): void {
    if (this.started) return;
    this.started = true;
    out.push(this.chatChunk({ role: 'assistant', content: '' }));
  }

  private handle(raw: SseEvent[]): StreamEvent[] {
    const out: StreamEvent[] = [];
    for (const { event, data } of raw) {
      if (this.finished || this.failed) break;
      const msg = parseJson(data);
      if (msg === NOT_JSON) {
        this.failed = true;
        out.push({ kind: 'error', error: badUpstreamEvent(`anthropic: unparsable ${event} event`) });
        break;
      }
      if (isRecord(msg)) this.event(str(msg.type) ?? event, msg, out);
    }
    return out;
  }

  private event(type: string, msg: Json, out: StreamEvent[]): void {
    switch (type) {
      case 'message_start': {
        const m = isRecord(msg.message) ? msg.message : {};
        this.id = str(m.id) || this.id;
        readUsage(m.usage, this.usage);
        break;
      }
      case 'content_block_start':
        this.blockStart(num(msg.index) ?? 0, isRecord(msg.content_block) ? msg.content_block : {}, out);
        break;
      case 'content_block_delta':
        this.blockDelta(num(msg.index) ?? 0, isRecord(msg.delta) ? msg.delta : {}, out);
        break;
      case 'content_block_stop': {
        const ti = this.toolIndex.get(num(msg.index) ?? 0);
        if (ti !== undefined && !this.toolArgsSent.has(ti)) this.toolArguments(ti, '{}', out);
        break;
      }
      case 'message_delta': {
        const delta = isRecord(msg.delta) ? msg.delta : {};
        readUsage(msg.usage, this.usage);
        this.finish = finishReason(delta.stop_reason) ?? this.finish;
        break;
      }
      case 'message_stop':
        this.start(out);
        out.push(this.chatChunk({}, this.finish ?? 'stop'));
        out.push(this.usageChunk(openaiUsage(this.usage)));
        out.push({ kind: 'done' });
        this.finished = true;
        break;
      case 'error':
        this.failed = true;
        // An error event carries no HTTP status; the error type decides, unknown types count as server errors.
        out.push({ kind: 'error', error: fromErrorObject(500, msg.error, '') });
        break;
      default:
        // ping and event types added later carry nothing for the client.
        break;
    }
  }

  private blockStart(index: number, block: Json, out: StreamEvent[]): void {
    if (block.type === 'text' && str(block.text)) {
      this.start(out);
      out.push(this.chatChunk({ content: block.text }));
    } else if (block.type === 'tool_use') {
      this.start(out);
      const ti = this.toolIndex.size;
      this.toolIndex.set(index, ti);
      const id = str(block.id) ?? `toolu_${randomUUID()}`;
      out.push(this.chatChunk({ tool_calls: [{ index: ti, id, type: 'function', function: { name: str(block.name) ?? '', arguments: '' } }] }));
      // Streams normally start tool_use with an empty input; a non-empty one is sent as one fragment.
      if (isRecord(block.input) && Object.keys(block.input).length > 0) this.toolArguments(ti, JSON.stringify(block.input), out);
    }
  }

  private blockDelta(index: number, delta: Json, out: StreamEvent[]): void {
    if (delta.type === 'text_delta' && str(delta.text)) {
      this.start(out);
      out.push(this.chatChunk({ content: delta.text }));
    } else if (delta.type === 'input_json_delta' && str(delta.partial_json)) {
      const ti = this.toolIndex.get(index);
      if (ti !== undefined) this.toolArguments(ti, delta.partial_json, out);
    } else if (delta.type === 'thinking_delta' && str(delta.thinking)) {
      this.start(out);
      out.push(this.chatChunk({ reasoning_content: delta.thinking }));
    }
  }

  private toolArguments(ti: number, args: unknown, out: StreamEvent[]): void {
    out.push(this.chatChunk({ tool_calls: [{ index: ti, function: { arguments: args } }] }));
    this.toolArgsSent.add(ti);
  }
}
