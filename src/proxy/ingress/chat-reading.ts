// Reading the proxy's internal chat-completions answers (complete or chunked) the way both ingress APIs need:
// usage split into fresh and cached input, tool-call arguments as objects, ids with the API's own prefix.
import { randomUUID } from 'node:crypto';
import { isRecord, num, type Json } from '../providers/common.js';
import type { TokenUsage } from './types.js';

export interface ChatUsage {
  prompt: number;
  completion: number;
  cached: number;
  reasoning: number;
}

export function readChatUsage(u: unknown): ChatUsage | undefined {
  if (!isRecord(u)) return undefined;
  const details = isRecord(u.prompt_tokens_details) ? u.prompt_tokens_details : {};
  const out = isRecord(u.completion_tokens_details) ? u.completion_tokens_details : {};
  return {
    prompt: num(u.prompt_tokens) ?? 0,
    completion: num(u.completion_tokens) ?? 0,
    cached: num(details.cached_tokens) ?? 0,
    reasoning: num(out.reasoning_tokens) ?? 0,
  };
}

export function tokenUsage(u: ChatUsage | undefined): TokenUsage {
  return u ? { prompt: u.prompt, completion: u.completion } : {};
}

/** A tool call's JSON-string arguments as the object Anthropic's tool_use.input wants. */
export function argumentsObject(raw: unknown): Json {
  if (isRecord(raw)) return raw;
  if (typeof raw !== 'string' || raw.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return isRecord(parsed) ? parsed : { value: parsed };
  } catch {
    // A model that produced broken JSON: keep its text rather than lose it.
    return { _unparsed_arguments: raw };
  }
}

/** `prefix` + the upstream's id when it has one, else a fresh id. */
export function prefixedId(prefix: string, upstreamId: unknown): string {
  if (typeof upstreamId === 'string' && upstreamId !== '') return upstreamId.startsWith(prefix) ? upstreamId : `${prefix}${upstreamId.replace(/^chatcmpl-/, '')}`;
  return `${prefix}${randomUUID().replace(/-/g, '')}`;
}

/**
 * A tool call id as Anthropic accepts it (`^[a-zA-Z0-9_-]+$`): kept when it fits, so the ids a client sends
 * back in the next turn are the upstream's own; replaced otherwise.
 */
export function toolUseId(id: unknown): string {
  return typeof id === 'string' && /^[\w-]{1,128}$/.test(id) ? id : `toolu_${randomUUID().replace(/-/g, '')}`;
}

export function firstChoice(chat: Json): Json {
  const choices = chat.choices;
  if (!Array.isArray(choices) || !isRecord(choices[0])) throw new Error('chat answer has no choices[0]');
  return choices[0];
}
