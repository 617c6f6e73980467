// Structural checks of an OpenAI request, so a malformed request gets a 400 naming the field instead of
// reaching (and being blamed on) an upstream. Everything else passes through untouched. Also the checks
// every ingress shares: nesting depth (a deeply nested body must never reach a recursive translator)
// and strings that are not valid UTF-8.
import type { Endpoint } from './providers/types.js';

export interface RequestProblem {
  param: string;
  message: string;
  code: 'missing_required_parameter' | 'invalid_type' | 'invalid_value';
}

/** Deeper than any real request (tool schemas nest a few dozen levels at most). */
export const MAX_NESTING_DEPTH = 64;

const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);
/** Sampling parameters and their documented ranges. */
const RANGES: ReadonlyArray<[string, number, number]> = [
  ['temperature', 0, 2],
  ['top_p', 0, 1],
  ['frequency_penalty', -2, 2],
  ['presence_penalty', -2, 2],
];
const POSITIVE_INT_FIELDS = ['max_tokens', 'max_completion_tokens', 'n'];

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

const problem = (param: string, message: string, code: RequestProblem['code'] = 'invalid_value'): RequestProblem => ({ param, message, code });

/** An object or array met while walking a body: where it sits, and how it was reached (for its path). */
interface Container {
  value: object;
  depth: number;
  parent: Container | undefined;
  key: string | number;
}

/**
 * The first place (a JSON path) nested deeper than MAX_NESTING_DEPTH, walked without recursion. Only
 * containers are kept, each with its parent; the path is spelled out only for a body that nests too deep
 * (building a path string for every value of every request cost more than the check itself).
 */
export function nestingProblem(body: unknown): RequestProblem | undefined {
  const stack: Container[] = [];
  const visit = (value: unknown, depth: number, parent: Container | undefined, key: string | number): void => {
    if (value !== null && typeof value === 'object') stack.push({ value, depth, parent, key });
  };
  visit(body, 0, undefined, '');
  while (stack.length > 0) {
    const c = stack.pop()!;
    if (c.depth >= MAX_NESTING_DEPTH) {
      const path = pathOf(c);
      return problem(path || '(body)', `${path || 'the request body'} nests deeper than ${MAX_NESTING_DEPTH} levels; flatten it`);
    }
    if (Array.isArray(c.value)) c.value.forEach((x, i) => visit(x, c.depth + 1, c, i));
    else for (const k of Object.keys(c.value)) visit((c.value as Record<string, unknown>)[k], c.depth + 1, c, k);
  }
  return undefined;
}

/** `tools[0].a`: the keys from the body down to a container. */
function pathOf(c: Container): string {
  const keys: Array<string | number> = [];
  for (let at: Container | undefined = c; at?.parent; at = at.parent) keys.unshift(at.key);
  return keys.reduce<string>((path, key) => (typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key), '');
}

/** The first string holding U+FFFD, where bytes that were not UTF-8 ended up after a lenient decode. */
export function replacementCharField(body: unknown): string {
  const stack: Array<[unknown, string]> = [[body, '']];
  while (stack.length > 0) {
    const [v, path] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.includes('\ufffd')) return path || '(body)';
    } else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
    else if (isObject(v)) for (const k of Object.keys(v)) stack.push([v[k], path ? `${path}.${k}` : k], [k, path ? `${path}.${k}` : k]);
  }
  return '(body)';
}

function checkSampling(body: Record<string, unknown>): RequestProblem | undefined {
  for (const [f, min, max] of RANGES) {
    const v = body[f];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'number') return problem(f, `"${f}" must be a number, got ${typeName(v)}`, 'invalid_type');
    if (!Number.isFinite(v) || v < min || v > max) return problem(f, `"${f}" must be between ${min} and ${max}, got ${v}`);
  }
  for (const f of POSITIVE_INT_FIELDS) {
    const v = body[f];
    if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 1)) {
      return problem(f, `"${f}" must be a positive integer, got ${JSON.stringify(v)}`);
    }
  }
  return undefined;
}

function checkContent(m: Record<string, unknown>, where: string): RequestProblem | undefined {
  const c = m.content;
  if (c === undefined || c === null || typeof c === 'string') return undefined;
  if (!Array.isArray(c)) return problem(`${where}.content`, `${where}.content must be a string or an array of content parts, got ${typeName(c)}`, 'invalid_type');
  for (let j = 0; j < c.length; j++) {
    const part: unknown = c[j];
    if (!isObject(part) || typeof part.type !== 'string') {
      return problem(`${where}.content[${j}]`, `${where}.content[${j}] must be a content part object with a "type", got ${typeName(part)}`, 'invalid_type');
    }
  }
  return undefined;
}

function checkMessages(body: Record<string, unknown>): RequestProblem | undefined {
  const messages = body.messages;
  if (messages === undefined) return problem('messages', 'missing required field "messages"', 'missing_required_parameter');
  if (!Array.isArray(messages)) return problem('messages', `"messages" must be an array, got ${typeName(messages)}`, 'invalid_type');
  if (messages.length === 0) return problem('messages', '"messages" must contain at least one message');
  for (let i = 0; i < messages.length; i++) {
    const m: unknown = messages[i];
    const where = `messages[${i}]`;
    if (!isObject(m)) return problem(where, `${where} must be an object, got ${typeName(m)}`, 'invalid_type');
    if (typeof m.role !== 'string' || m.role === '') return problem(`${where}.role`, `${where}.role must be a non-empty string`, m.role === undefined ? 'missing_required_parameter' : 'invalid_type');
    if (!ROLES.has(m.role)) return problem(`${where}.role`, `${where}.role "${m.role}" is not a role; use one of ${[...ROLES].join(', ')}`);
    const content = checkContent(m, where);
    if (content) return content;
  }
  if (body.tools !== undefined && !Array.isArray(body.tools)) return problem('tools', `"tools" must be an array, got ${typeName(body.tools)}`, 'invalid_type');
  return undefined;
}

function isTokenArray(v: unknown): boolean {
  return Array.isArray(v) && v.length > 0 && v.every((t) => Number.isInteger(t));
}

function checkEmbeddingInput(input: unknown): RequestProblem | undefined {
  if (input === undefined) return problem('input', 'missing required field "input"', 'missing_required_parameter');
  if (typeof input === 'string') return undefined;
  if (!Array.isArray(input)) return problem('input', `"input" must be a string or an array, got ${typeName(input)}`, 'invalid_type');
  if (input.length === 0) return problem('input', '"input" must not be an empty array');
  if (isTokenArray(input)) return undefined;
  for (let i = 0; i < input.length; i++) {
    const v: unknown = input[i];
    if (typeof v !== 'string' && !isTokenArray(v)) {
      return problem(`input[${i}]`, `input[${i}] must be a string (or an array of token ids), got ${typeName(v)}`, 'invalid_type');
    }
  }
  return undefined;
}

export function validateRequest(endpoint: Endpoint, body: unknown): RequestProblem | undefined {
  if (!isObject(body)) return problem('(body)', `request body must be a JSON object, got ${typeName(body)}`, 'invalid_type');
  const model = body.model;
  if (model === undefined) return problem('model', 'missing required field "model"', 'missing_required_parameter');
  if (typeof model !== 'string' || model === '') return problem('model', `"model" must be a non-empty string, got ${typeName(model)}`, 'invalid_type');
  if (body.stream !== undefined && typeof body.stream !== 'boolean') return problem('stream', `"stream" must be a boolean, got ${typeName(body.stream)}`, 'invalid_type');
  const sampling = checkSampling(body);
  if (sampling) return sampling;
  if (endpoint === 'chat') return checkMessages(body);
  if (endpoint === 'completion') {
    const p = body.prompt;
    if (p === undefined) return problem('prompt', 'missing required field "prompt"', 'missing_required_parameter');
    if (typeof p !== 'string' && !Array.isArray(p)) return problem('prompt', `"prompt" must be a string or an array, got ${typeName(p)}`, 'invalid_type');
    return undefined;
  }
  return checkEmbeddingInput(body.input);
}
