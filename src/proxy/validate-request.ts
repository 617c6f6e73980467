// Minimal structural checks of an OpenAI request, so a malformed request gets a 400 naming the field
// instead of reaching (and being blamed on) an upstream. Everything else passes through untouched.
import type { Endpoint } from './providers/types.js';

export interface RequestProblem {
  param: string;
  message: string;
  code: 'missing_required_parameter' | 'invalid_type' | 'invalid_value';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

const NUMBER_FIELDS = ['temperature', 'top_p', 'frequency_penalty', 'presence_penalty'];
const POSITIVE_INT_FIELDS = ['max_tokens', 'max_completion_tokens', 'n'];

export function validateRequest(endpoint: Endpoint, body: unknown): RequestProblem | undefined {
  if (!isObject(body)) return { param: '(body)', message: `request body must be a JSON object, got ${typeName(body)}`, code: 'invalid_type' };
  const model = body.model;
  if (model === undefined) return { param: 'model', message: 'missing required field "model"', code: 'missing_required_parameter' };
  if (typeof model !== 'string' || model === '') return { param: 'model', message: `"model" must be a non-empty string, got ${typeName(model)}`, code: 'invalid_type' };
  if (body.stream !== undefined && typeof body.stream !== 'boolean') return { param: 'stream', message: `"stream" must be a boolean, got ${typeName(body.stream)}`, code: 'invalid_type' };
  for (const f of NUMBER_FIELDS) {
    if (body[f] !== undefined && body[f] !== null && typeof body[f] !== 'number') return { param: f, message: `"${f}" must be a number, got ${typeName(body[f])}`, code: 'invalid_type' };
  }
  for (const f of POSITIVE_INT_FIELDS) {
    const v = body[f];
    if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isInteger(v) && v >= 1)) {
      return { param: f, message: `"${f}" must be a positive integer, got ${JSON.stringify(v)}`, code: 'invalid_value' };
    }
  }
  if (endpoint === 'chat') {
    const messages = body.messages;
    if (messages === undefined) return { param: 'messages', message: 'missing required field "messages"', code: 'missing_required_parameter' };
    if (!Array.isArray(messages)) return { param: 'messages', message: `"messages" must be an array, got ${typeName(messages)}`, code: 'invalid_type' };
    if (messages.length === 0) return { param: 'messages', message: '"messages" must contain at least one message', code: 'invalid_value' };
    for (let i = 0; i < messages.length; i++) {
      const m: unknown = messages[i];
      if (!isObject(m)) return { param: `messages[${i}]`, message: `messages[${i}] must be an object, got ${typeName(m)}`, code: 'invalid_type' };
      if (typeof m.role !== 'string' || m.role === '') return { param: `messages[${i}].role`, message: `messages[${i}].role must be a non-empty string`, code: m.role === undefined ? 'missing_required_parameter' : 'invalid_type' };
    }
    if (body.tools !== undefined && !Array.isArray(body.tools)) return { param: 'tools', message: `"tools" must be an array, got ${typeName(body.tools)}`, code: 'invalid_type' };
  } else if (endpoint === 'completion') {
    const p = body.prompt;
    if (p === undefined) return { param: 'prompt', message: 'missing required field "prompt"', code: 'missing_required_parameter' };
    if (typeof p !== 'string' && !Array.isArray(p)) return { param: 'prompt', message: `"prompt" must be a string or an array, got ${typeName(p)}`, code: 'invalid_type' };
  } else {
    const input = body.input;
    if (input === undefined) return { param: 'input', message: 'missing required field "input"', code: 'missing_required_parameter' };
    if (typeof input !== 'string' && !Array.isArray(input)) return { param: 'input', message: `"input" must be a string or an array, got ${typeName(input)}`, code: 'invalid_type' };
  }
  return undefined;
}
