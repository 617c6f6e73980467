// The proxy's internal chat completion -> an OpenAI Responses object: a message item with output_text, one
// function_call item per tool call, status completed / incomplete, usage in the Responses shape. The
// request's own settings are echoed as the Responses API does (instructions, tools, tool_choice, ...).
import { randomUUID } from 'node:crypto';
import { isRecord, str, type Json } from '../../providers/common.js';
import { firstChoice, readChatUsage, type ChatUsage } from '../chat-reading.js';

export function newId(prefix: string): string {
  return `${prefix}_${randomUUID().replace(/-/g, '')}`;
}

/** The parts of a Response object that come from the request, fixed for its whole life. */
export interface ResponseFrame {
  id: string;
  createdAt: number;
  echo: Json;
}

export function responseFrame(body: Json, model: string): ResponseFrame {
  const echo: Json = {
    model,
    instructions: str(body.instructions) ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    metadata: isRecord(body.metadata) ? body.metadata : {},
    parallel_tool_calls: body.parallel_tool_calls !== false,
    previous_response_id: null,
    store: false,
    temperature: body.temperature ?? null,
    text: isRecord(body.text) ? body.text : { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: Array.isArray(body.tools) ? body.tools : [],
    top_p: body.top_p ?? null,
    truncation: 'disabled',
  };
  return { id: newId('resp'), createdAt: Math.floor(Date.now() / 1000), echo };
}

export function responsesUsage(u: ChatUsage | undefined): Json | null {
  if (!u) return null;
  return {
    input_tokens: u.prompt,
    input_tokens_details: { cached_tokens: u.cached },
    output_tokens: u.completion,
    output_tokens_details: { reasoning_tokens: u.reasoning },
    total_tokens: u.prompt + u.completion,
  };
}

/** Chat finish_reason -> Responses status and incomplete_details. */
export function completion(finish: unknown): { status: 'completed' | 'incomplete'; incomplete_details: Json | null } {
  if (finish === 'length') return { status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } };
  if (finish === 'content_filter') return { status: 'incomplete', incomplete_details: { reason: 'content_filter' } };
  return { status: 'completed', incomplete_details: null };
}

export function responseObject(frame: ResponseFrame, status: string, output: Json[], extra: Json = {}): Json {
  return {
    id: frame.id,
    object: 'response',
    created_at: frame.createdAt,
    status,
    error: null,
    incomplete_details: null,
    ...frame.echo,
    output,
    usage: null,
    ...extra,
  };
}

export function messageItem(id: string, text: string, status: string): Json {
  return { id, type: 'message', status, role: 'assistant', content: [{ type: 'output_text', text, annotations: [], logprobs: [] }] };
}

export function functionCallItem(id: string, callId: string, name: string, args: string, status: string): Json {
  return { id, type: 'function_call', status, call_id: callId, name, arguments: args };
}

export function chatToResponse(chat: Json, frame: ResponseFrame): Json {
  const choice = firstChoice(chat);
  const message = isRecord(choice.message) ? choice.message : {};
  const done = completion(choice.finish_reason);
  const output: Json[] = [];
  const text = str(message.content);
  if (text) output.push(messageItem(newId('msg'), text, done.status));
  if (Array.isArray(message.tool_calls)) {
    for (const c of message.tool_calls) {
      if (!isRecord(c) || !isRecord(c.function)) continue;
      const args = typeof c.function.arguments === 'string' ? c.function.arguments : JSON.stringify(c.function.arguments ?? {});
      output.push(functionCallItem(newId('fc'), str(c.id) ?? newId('call'), str(c.function.name) ?? '', args, 'completed'));
    }
  }
  return responseObject(frame, done.status, output, { incomplete_details: done.incomplete_details, usage: responsesUsage(readChatUsage(chat.usage)) });
}
