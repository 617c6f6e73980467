// Gemini GenerateContentResponse -> OpenAI chat.completion: each candidate a choice, its parts read as
// text, thoughts (reasoning_content) and function calls, finishReason and usageMetadata mapped. The
// stream translator reads its responses through the same functions.
import { randomUUID } from 'node:crypto';
import { RainyModelError } from '../../../shared/errors.js';
import type { RequestContext } from '../types.js';
import { isRecord, str, num, nowSeconds, type Json } from '../common.js';
import { toolCallId } from './tool-call-id.js';

const CONTENT_FILTER_REASONS = new Set([
  'SAFETY',
  'RECITATION',
  'BLOCKLIST',
  'PROHIBITED_CONTENT',
  'SPII',
  'IMAGE_SAFETY',
  'IMAGE_PROHIBITED_CONTENT',
  'IMAGE_RECITATION',
]);

export function finishReason(reason: unknown, hasToolCalls: boolean): string | null {
  if (typeof reason !== 'string' || reason === '') return null;
  if (reason === 'MAX_TOKENS') return 'length';
  if (CONTENT_FILTER_REASONS.has(reason)) return 'content_filter';
  return hasToolCalls ? 'tool_calls' : 'stop';
}

export function usageOf(meta: unknown): Json | undefined {
  if (!isRecord(meta)) return undefined;
  const prompt = num(meta.promptTokenCount) ?? 0;
  const thoughts = num(meta.thoughtsTokenCount) ?? 0;
  // Thinking tokens are billed as output; OpenAI counts reasoning inside completion_tokens.
  const completion = (num(meta.candidatesTokenCount) ?? 0) + thoughts;
  const usage: Json = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: num(meta.totalTokenCount) ?? prompt + completion,
  };
  if (num(meta.cachedContentTokenCount) !== undefined) usage.prompt_tokens_details = { cached_tokens: meta.cachedContentTokenCount };
  if (thoughts > 0) usage.completion_tokens_details = { reasoning_tokens: thoughts };
  return usage;
}

export interface PartsView {
  text: string;
  reasoning: string;
  calls: Array<{ id: string; name: string; args: string }>;
}

/** A candidate's content: its text, its thought text, and its function calls (arguments as JSON text). */
export function readParts(content: unknown): PartsView {
  const view: PartsView = { text: '', reasoning: '', calls: [] };
  const parts = isRecord(content) && Array.isArray(content.parts) ? content.parts : [];
  for (const part of parts) {
    if (!isRecord(part)) continue;
    if (typeof part.text === 'string') {
      if (part.thought === true) view.reasoning += part.text;
      else view.text += part.text;
    } else if (isRecord(part.functionCall)) {
      const call = part.functionCall;
      view.calls.push({ id: toolCallId(part, call), name: str(call.name) ?? '', args: JSON.stringify(call.args ?? {}) });
    }
  }
  return view;
}

/** The reason the prompt itself was blocked (promptFeedback.blockReason), if it was. */
export function blockedMessage(upstream: Json): string | undefined {
  const fb = isRecord(upstream.promptFeedback) ? upstream.promptFeedback : undefined;
  return fb ? str(fb.blockReason) : undefined;
}

function choiceOf(c: Json, i: number): Json {
  const view = readParts(c.content);
  const message: Json = { role: 'assistant', content: view.text === '' && view.calls.length > 0 ? null : view.text };
  if (view.calls.length > 0) {
    message.tool_calls = view.calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.args } }));
  }
  if (view.reasoning) message.reasoning_content = view.reasoning;
  return {
    index: num(c.index) ?? i,
    message,
    finish_reason: finishReason(c.finishReason, view.calls.length > 0) ?? 'stop',
    logprobs: null,
  };
}

export function translateChat(ctx: RequestContext, upstream: unknown): Json {
  if (!isRecord(upstream)) throw new RainyModelError('upstream/malformed', 'gemini: response is not an object');
  const candidates = Array.isArray(upstream.candidates) ? upstream.candidates.filter(isRecord) : [];
  const choices: Json[] = candidates.map(choiceOf);
  if (choices.length === 0 && blockedMessage(upstream)) {
    // The prompt itself was blocked: no candidates, only promptFeedback.blockReason.
    choices.push({ index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter', logprobs: null });
  }
  if (choices.length === 0) throw new RainyModelError('upstream/malformed', 'gemini: response has no candidates');
  const out: Json = {
    id: str(upstream.responseId) ?? `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: nowSeconds(),
    model: ctx.requestModel,
    choices,
  };
  const usage = usageOf(upstream.usageMetadata);
  if (usage) out.usage = usage;
  return out;
}
