// Chat chunks -> OpenAI Responses SSE, every event with its sequence_number: response.created and
// response.in_progress, then per output item output_item.added, (content_part.added, output_text.delta...,
// output_text.done, content_part.done) or (function_call_arguments.delta..., .done), output_item.done, and
// at the end response.completed / response.incomplete with usage. A break after the start ends with an
// `error` event followed by response.failed.
import { isRecord, num, str, type Json } from '../../providers/common.js';
import { ChunkReader } from '../chat-stream.js';
import { sseEvent } from '../sse.js';
import { completion, functionCallItem, messageItem, newId, responseObject, responsesUsage, type ResponseFrame } from './answer.js';

interface OpenItem {
  kind: 'message' | 'function_call';
  id: string;
  outputIndex: number;
  /** Text so far (message) or arguments so far (function call). */
  text: string;
  callId: string;
  name: string;
}

type State = 'before_start' | 'streaming' | 'finished';

export class ResponsesEncoder extends ChunkReader {
  private state: State = 'before_start';
  private seq = 0;
  private current?: OpenItem;
  private readonly items: OpenItem[] = [];
  /** Chat tool_calls[].index -> its function_call item. */
  private readonly calls = new Map<number, OpenItem>();

  constructor(private readonly frame: ResponseFrame) {
    super();
  }

  protected isFinished(): boolean {
    return this.state === 'finished';
  }

  done(): string {
    if (this.state === 'finished') return '';
    let out = this.start() + this.closeItem();
    this.state = 'finished';
    const done = completion(this.finishReason);
    const response = responseObject(this.frame, done.status, this.items.map((i) => this.itemJson(i, 'completed')), {
      incomplete_details: done.incomplete_details,
      usage: responsesUsage(this.usage()),
    });
    const type = done.status === 'completed' ? 'response.completed' : 'response.incomplete';
    out += this.event(type, { response });
    return out;
  }

  fail(message: string, code: string): string {
    this.state = 'finished';
    let out = this.event('error', { code, message, param: null });
    const response = responseObject(this.frame, 'failed', this.items.map((i) => this.itemJson(i, 'incomplete')), { error: { code: 'server_error', message } });
    out += this.event('response.failed', { response });
    return out;
  }

  private event(type: string, fields: Json): string {
    return sseEvent(type, { type, sequence_number: this.seq++, ...fields });
  }

  protected start(): string {
    if (this.state !== 'before_start') return '';
    this.state = 'streaming';
    const response = responseObject(this.frame, 'in_progress', []);
    return this.event('response.created', { response }) + this.event('response.in_progress', { response });
  }

  private itemJson(item: OpenItem, status: string): Json {
    return item.kind === 'message' ? messageItem(item.id, item.text, status) : functionCallItem(item.id, item.callId, item.name, item.text, status);
  }

  private open(item: OpenItem): string {
    this.items.push(item);
    this.current = item;
    const added = item.kind === 'message' ? { id: item.id, type: 'message', status: 'in_progress', role: 'assistant', content: [] } : this.itemJson(item, 'in_progress');
    let out = this.event('response.output_item.added', { output_index: item.outputIndex, item: added });
    if (item.kind === 'message') {
      const part = { type: 'output_text', text: '', annotations: [], logprobs: [] };
      out += this.event('response.content_part.added', { item_id: item.id, output_index: item.outputIndex, content_index: 0, part });
    }
    return out;
  }

  private closeItem(): string {
    const item = this.current;
    if (!item) return '';
    this.current = undefined;
    const ids = { item_id: item.id, output_index: item.outputIndex };
    let out = '';
    if (item.kind === 'message') {
      out += this.event('response.output_text.done', { ...ids, content_index: 0, text: item.text, logprobs: [] });
      out += this.event('response.content_part.done', { ...ids, content_index: 0, part: { type: 'output_text', text: item.text, annotations: [], logprobs: [] } });
    } else {
      out += this.event('response.function_call_arguments.done', { ...ids, name: item.name, arguments: item.text });
    }
    return out + this.event('response.output_item.done', { output_index: item.outputIndex, item: this.itemJson(item, 'completed') });
  }

  protected text(text: string): string {
    let out = '';
    if (this.current?.kind !== 'message') {
      out += this.closeItem();
      out += this.open({ kind: 'message', id: newId('msg'), outputIndex: this.items.length, text: '', callId: '', name: '' });
    }
    const item = this.current!;
    item.text += text;
    return out + this.event('response.output_text.delta', { item_id: item.id, output_index: item.outputIndex, content_index: 0, delta: text, logprobs: [] });
  }

  protected toolCall(call: Json): string {
    const index = num(call.index) ?? 0;
    const fn = isRecord(call.function) ? call.function : {};
    let out = '';
    let item = this.calls.get(index);
    if (!item) {
      out += this.closeItem();
      item = { kind: 'function_call', id: newId('fc'), outputIndex: this.items.length, text: '', callId: str(call.id) ?? newId('call'), name: str(fn.name) ?? '' };
      this.calls.set(index, item);
      out += this.open(item);
    }
    const args = str(fn.arguments);
    if (args) {
      item.text += args;
      out += this.event('response.function_call_arguments.delta', { item_id: item.id, output_index: item.outputIndex, delta: args });
    }
    return out;
  }
}
