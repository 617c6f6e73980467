// Drives a StreamTranslator with upstream text cut in given places and folds the OpenAI chunks back into
// one answer, checking the invariants strict clients rely on along the way.
import { expect } from 'vitest';
import type { StreamEvent, StreamTranslator, TranslatedError } from '../../../src/proxy/providers/types.js';
import { at } from '../../support/must.js';

export interface Folded {
  chunks: Array<Record<string, unknown>>;
  firstDelta: Record<string, unknown> | undefined;
  content: string;
  reasoning: string;
  toolCalls: Array<{ id: string; name: string; arguments: string }>;
  finishReason: string | null;
  usage: Record<string, unknown> | undefined;
  errors: TranslatedError[];
  done: boolean;
  /** Event kinds in order, to check that nothing follows `done` or an error. */
  kinds: string[];
}

/** Feeds `pieces` one by one, then ends the body. */
export function run(translator: StreamTranslator, pieces: string[]): StreamEvent[] {
  const events: StreamEvent[] = [];
  for (const p of pieces) events.push(...translator.push(p));
  events.push(...translator.end());
  return events;
}

/** The text cut into pieces of `size` characters. */
export function cut(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

/** The text cut at a few pseudo-random places (deterministic, so a failure can be replayed). */
export function scatter(text: string, seed: number): string[] {
  const out: string[] = [];
  let state = seed;
  let i = 0;
  while (i < text.length) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const size = 1 + (state % 17);
    out.push(text.slice(i, i + size));
    i += size;
  }
  return out;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

export function fold(events: StreamEvent[]): Folded {
  const f: Folded = {
    chunks: [],
    firstDelta: undefined,
    content: '',
    reasoning: '',
    toolCalls: [],
    finishReason: null,
    usage: undefined,
    errors: [],
    done: false,
    kinds: [],
  };
  for (const e of events) {
    f.kinds.push(e.kind);
    if (e.kind === 'done') {
      f.done = true;
      continue;
    }
    if (e.kind === 'error') {
      f.errors.push(e.error);
      continue;
    }
    const chunk = e.data;
    f.chunks.push(chunk);
    if (chunk.usage !== undefined) f.usage = chunk.usage as Obj;
    const choices = chunk.choices as unknown[];
    for (const choice of choices) {
      if (!isObj(choice)) throw new Error('choice is not an object');
      const delta = (choice.delta ?? { content: choice.text }) as Obj;
      if (f.firstDelta === undefined) f.firstDelta = delta;
      if (typeof delta.content === 'string') f.content += delta.content;
      if (typeof delta.reasoning_content === 'string') f.reasoning += delta.reasoning_content;
      if (Array.isArray(delta.tool_calls)) {
        for (const tc of delta.tool_calls as Obj[]) {
          const index = tc.index as number;
          const fn = (tc.function ?? {}) as Obj;
          if (f.toolCalls[index] === undefined) {
            // OpenAI's rule: the first delta of a call carries its id and name.
            expect(typeof tc.id, `first delta of tool call ${index} has an id`).toBe('string');
            expect(typeof fn.name, `first delta of tool call ${index} has a name`).toBe('string');
            expect(index, 'tool call indexes are dense and in order').toBe(f.toolCalls.length);
            f.toolCalls[index] = { id: tc.id as string, name: fn.name as string, arguments: '' };
          }
          if (typeof fn.arguments === 'string') f.toolCalls[index].arguments += fn.arguments;
        }
      }
      if (choice.finish_reason !== null && choice.finish_reason !== undefined) f.finishReason = choice.finish_reason as string;
    }
  }
  return f;
}

/** What every successful OpenAI stream looks like: role first, one finish, usage last, then done. */
export function expectWellFormed(f: Folded): void {
  expect(f.errors).toEqual([]);
  expect(f.firstDelta?.role).toBe('assistant');
  expect(f.done).toBe(true);
  expect(f.kinds[f.kinds.length - 1]).toBe('done');
  const finishes = f.chunks.flatMap((c) => (c.choices as Obj[]).filter((ch) => ch.finish_reason != null));
  expect(finishes).toHaveLength(1);
  const last = at(f.chunks, -1);
  expect(last.choices).toEqual([]);
  expect(last.usage).toBeDefined();
  const ids = new Set(f.chunks.map((c) => c.id));
  expect(ids.size).toBe(1);
}
