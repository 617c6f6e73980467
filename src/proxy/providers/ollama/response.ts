// Ollama's answer objects -> OpenAI: /api/chat `message` (content, thinking, tool_calls with object
// arguments) or /api/generate `response`, done_reason as finish_reason, prompt_eval_count / eval_count as
// usage, /api/embed `embeddings` as OpenAI's list. The stream translator reads its lines the same way.
import { randomUUID } from 'node:crypto';
import { RainyModelError } from '../../../shared/errors.js';
import type { RequestContext } from '../types.js';
import { isRecord, str, num, nowSeconds, type Json, wantsBase64, toBase64Floats } from '../common.js';

export function usageOf(msg: Json): Json {
  const prompt = num(msg.prompt_eval_count) ?? 0;
  const completion = num(msg.eval_count) ?? 0;
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}

export function finishReason(doneReason: unknown, hasToolCalls: boolean): string {
  if (doneReason === 'length') return 'length';
  // Ollama reports "stop" after a tool call too; OpenAI clients look for "tool_calls".
  return hasToolCalls ? 'tool_calls' : 'stop';
}

export interface Call {
  id: string;
  name: string;
  args: string;
}

export function readCalls(message: unknown): Call[] {
  if (!isRecord(message) || !Array.isArray(message.tool_calls)) return [];
  return message.tool_calls.filter(isRecord).map((c) => {
    const fn = isRecord(c.function) ? c.function : {};
    const args = fn.arguments;
    return {
      id: str(c.id) ?? `call_${randomUUID().replace(/-/g, '')}`,
      name: str(fn.name) ?? '',
      args: typeof args === 'string' ? args : JSON.stringify(args ?? {}),
    };
  });
}

/** Text of one Ollama object: `message.content` from /api/chat, `response` from /api/generate. */
export function textOf(msg: Json): string {
  if (isRecord(msg.message)) return str(msg.message.content) ?? '';
  return str(msg.response) ?? '';
}

export function reasoningOf(msg: Json): string {
  if (isRecord(msg.message)) return str(msg.message.thinking) ?? '';
  return str(msg.thinking) ?? '';
}

function translateEmbeddings(ctx: RequestContext, upstream: Json): Json {
  if (!Array.isArray(upstream.embeddings)) throw new RainyModelError('upstream/malformed', 'ollama: embed response has no embeddings');
  const prompt = num(upstream.prompt_eval_count) ?? 0;
  const base64 = wantsBase64(ctx);
  return {
    object: 'list',
    data: upstream.embeddings.map((values, index) => ({ object: 'embedding', index, embedding: base64 ? toBase64Floats(values) : values })),
    model: ctx.requestModel,
    usage: { prompt_tokens: prompt, total_tokens: prompt },
  };
}

export function translateGenerated(ctx: RequestContext, upstream: unknown): Json {
  if (!isRecord(upstream)) throw new RainyModelError('upstream/malformed', 'ollama: response is not an object');
  if (ctx.endpoint === 'embedding') return translateEmbeddings(ctx, upstream);
  const text = textOf(upstream);
  const calls = readCalls(upstream.message);
  const finish = finishReason(upstream.done_reason, calls.length > 0);
  const base = { created: nowSeconds(), model: ctx.requestModel, usage: usageOf(upstream) };
  if (ctx.endpoint === 'completion') {
    return { id: `cmpl-${randomUUID()}`, object: 'text_completion', ...base, choices: [{ index: 0, text, finish_reason: finish, logprobs: null }] };
  }
  const message: Json = { role: 'assistant', content: text === '' && calls.length > 0 ? null : text };
  if (calls.length > 0) {
    message.tool_calls = calls.map((c) => ({ id: c.id, type: 'function', function: { name: c.name, arguments: c.args } }));
  }
  const reasoning = reasoningOf(upstream);
  if (reasoning) message.reasoning_content = reasoning;
  return { id: `chatcmpl-${randomUUID()}`, object: 'chat.completion', ...base, choices: [{ index: 0, message, finish_reason: finish, logprobs: null }] };
}
