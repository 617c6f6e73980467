// Parses SSE text the proxy produced into {event, data} pairs, checking each event names its own type.
import { expect } from 'vitest';
import { SseDecoder } from '../../../src/proxy/providers/common.js';

export interface ParsedEvent {
  event: string;
  data: Record<string, unknown>;
}

export function parseSse(text: string): ParsedEvent[] {
  return new SseDecoder().push(text, true).map(({ event, data }) => {
    const parsed = JSON.parse(data) as Record<string, unknown>;
    expect(parsed.type).toBe(event);
    return { event, data: parsed };
  });
}

export const names = (events: ParsedEvent[]): string[] => events.map((e) => e.event);

/** A chat.completion.chunk with one choice. */
export function chunk(delta: Record<string, unknown>, finish: string | null = null): Record<string, unknown> {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta, finish_reason: finish }] };
}

export function usageChunk(prompt: number, completion: number, cached = 0): Record<string, unknown> {
  return { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [], usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion, prompt_tokens_details: { cached_tokens: cached } } };
}
