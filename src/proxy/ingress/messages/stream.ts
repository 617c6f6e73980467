// Chat chunks -> Anthropic Messages SSE: message_start, ping, then per block content_block_start / _delta
// (text_delta, input_json_delta) / _stop, and at the end message_delta (stop_reason, usage) and message_stop.
// A break after the start ends with Anthropic's `error` event.
import { isRecord, num, str, type Json } from '../../providers/common.js';
import { prefixedId, toolUseId } from '../chat-reading.js';
import { ChunkReader } from '../chat-stream.js';
import { sseEvent } from '../sse.js';
import { anthropicUsage, stopReason } from './answer.js';
import { anthropicErrorType } from './errors.js';

type State = 'before_start' | 'between_blocks' | 'in_text' | 'in_tool' | 'finished';

export class MessagesEncoder extends ChunkReader {
  private state: State = 'before_start';
  private blockIndex = -1;
  /** Chat tool_calls[].index -> Anthropic content block index. */
  private readonly toolBlocks = new Map<number, number>();

  constructor(private readonly model: string) {
    super();
  }

  protected isFinished(): boolean {
    return this.state === 'finished';
  }

  done(): string {
    if (this.state === 'finished') return '';
    let out = this.start({}) + this.closeBlock();
    this.state = 'finished';
    const usage = anthropicUsage(this.usage());
    out += sseEvent('message_delta', { type: 'message_delta', delta: { stop_reason: stopReason(this.finishReason), stop_sequence: null }, usage });
    out += sseEvent('message_stop', { type: 'message_stop' });
    return out;
  }

  fail(message: string, code: string): string {
    this.state = 'finished';
    return sseEvent('error', { type: 'error', error: { type: anthropicErrorType(502, code), message } });
  }

  protected start(chunk: Json): string {
    if (this.state !== 'before_start') return '';
    this.state = 'between_blocks';
    const message = {
      id: prefixedId('msg_', chunk.id),
      type: 'message',
      role: 'assistant',
      model: this.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      // Chat reports usage only at the end; the final message_delta carries the real counts.
      usage: { input_tokens: 0, output_tokens: 0 },
    };
    return sseEvent('message_start', { type: 'message_start', message }) + sseEvent('ping', { type: 'ping' });
  }

  private closeBlock(): string {
    if (this.state !== 'in_text' && this.state !== 'in_tool') return '';
    this.state = 'between_blocks';
    return sseEvent('content_block_stop', { type: 'content_block_stop', index: this.blockIndex });
  }

  protected text(text: string): string {
    let out = '';
    if (this.state !== 'in_text') {
      out += this.closeBlock();
      this.blockIndex++;
      this.state = 'in_text';
      out += sseEvent('content_block_start', { type: 'content_block_start', index: this.blockIndex, content_block: { type: 'text', text: '' } });
    }
    return out + sseEvent('content_block_delta', { type: 'content_block_delta', index: this.blockIndex, delta: { type: 'text_delta', text } });
  }

  protected toolCall(call: Json): string {
    const chatIndex = num(call.index) ?? 0;
    const fn = isRecord(call.function) ? call.function : {};
    let out = '';
    let index = this.toolBlocks.get(chatIndex);
    if (index === undefined) {
      out += this.closeBlock();
      this.blockIndex++;
      index = this.blockIndex;
      this.toolBlocks.set(chatIndex, index);
      this.state = 'in_tool';
      const block = { type: 'tool_use', id: toolUseId(call.id), name: str(fn.name) ?? '', input: {} };
      out += sseEvent('content_block_start', { type: 'content_block_start', index, content_block: block });
    }
    const args = str(fn.arguments);
    // Deltas for an earlier call (rare interleaving) still name that call's own block index.
    if (args) out += sseEvent('content_block_delta', { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: args } });
    return out;
  }
}
