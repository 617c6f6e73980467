// Anthropic Messages answer -> OpenAI chat.completion: text, thinking (as reasoning_content) and tool_use
// blocks, stop_reason as finish_reason, and usage (cached tokens counted into prompt_tokens, as OpenAI
// does). The stream translator shares the finish reasons and the usage counters.
import { randomUUID } from 'node:crypto';
import { RainyModelError } from '../../../shared/errors.js';
import type { RequestContext } from '../types.js';
import { isRecord, str, num, nowSeconds, type Json } from '../common.js';

export function finishReason(stop: unknown): string | null {
  switch (stop) {
    case 'end_turn':
    case 'stop_sequence':
    case 'pause_turn':
      return 'stop';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'tool_use':
      return 'tool_calls';
    case 'refusal':
      return 'content_filter';
    case null:
    case undefined:
      return null;
    default:
      return 'stop';
  }
}

export interface UsageCounters {
  input: number;
  output: number;
  cacheRead: number;
  cacheWrite: number;
}

export function emptyUsage(): UsageCounters {
  return { input: 0, output: 0, cacheRead: 0, cacheWrite: 0 };
}

export function readUsage(u: unknown, into: UsageCounters): void {
  if (!isRecord(u)) return;
  // message_delta counts are cumulative, so later values replace earlier ones.
  into.input = num(u.input_tokens) ?? into.input;
  into.output = num(u.output_tokens) ?? into.output;
  into.cacheRead = num(u.cache_read_input_tokens) ?? into.cacheRead;
  into.cacheWrite = num(u.cache_creation_input_tokens) ?? into.cacheWrite;
}

export function openaiUsage(u: UsageCounters): Json {
  // Anthropic's input_tokens excludes cached tokens; OpenAI's prompt_tokens includes them.
  const prompt = u.input + u.cacheRead + u.cacheWrite;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.output,
    total_tokens: prompt + u.output,
    prompt_tokens_details: { cached_tokens: u.cacheRead },
  };
}

export function translateMessage(ctx: RequestContext, upstream: unknown): Json {
  if (!isRecord(upstream) || !Array.isArray(upstream.content)) {
    throw new RainyModelError('upstream/malformed', 'anthropic: response has no content array');
  }
  let text = '';
  let reasoning = '';
  const toolCalls: Json[] = [];
  for (const block of upstream.content) {
    if (!isRecord(block)) continue;
    if (block.type === 'text' && typeof block.text === 'string') text += block.text;
    else if (block.type === 'thinking' && typeof block.thinking === 'string') reasoning += block.thinking;
    else if (block.type === 'tool_use') {
      toolCalls.push({
        id: str(block.id) ?? `toolu_${randomUUID()}`,
        type: 'function',
        function: { name: str(block.name) ?? '', arguments: JSON.stringify(block.input ?? {}) },
      });
    }
  }
  const message: Json = { role: 'assistant', content: text === '' && toolCalls.length > 0 ? null : text };
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (reasoning) message.reasoning_content = reasoning;
  const usage = emptyUsage();
  readUsage(upstream.usage, usage);
  return {
    id: str(upstream.id) ?? `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: nowSeconds(),
    model: ctx.requestModel,
    choices: [{ index: 0, message, finish_reason: finishReason(upstream.stop_reason) ?? 'stop', logprobs: null }],
    usage: openaiUsage(usage),
  };
}
