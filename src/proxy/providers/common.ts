// Small helpers every translating adapter needs: narrowing unknown JSON, parsing text that may not be
// JSON, client-mistake errors, tool-call arguments, OpenAI's base64 embedding encoding, the answer's
// timestamp and an incremental SSE decoder.
import { RainyModelError } from '../../shared/errors.js';
import type { RequestContext } from './types.js';

export type Json = Record<string, unknown>;

export function isRecord(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

/** What parseJson returns for text that is not JSON: distinct from every value JSON can hold. */
export const NOT_JSON: unique symbol = Symbol('not JSON');

/** The text parsed as JSON, or NOT_JSON. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}

/** `created` of an OpenAI answer or chunk: Unix seconds. */
export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

/** A client mistake found while translating: the proxy answers 400 without trying other deployments. */
export function invalidRequest(adapter: string, message: string): RainyModelError {
  const err = new RainyModelError('request/invalid', `${adapter}: ${message}`);
  return Object.assign(err, { status: 400, type: 'invalid_request_error' });
}

/** The openai SDK asks for base64 unless told otherwise; the client's own body says which one it wants. */
export function wantsBase64(ctx: RequestContext): boolean {
  if (!ctx.rawBody) return false;
  try {
    const body: unknown = JSON.parse(ctx.rawBody);
    return isRecord(body) && body.encoding_format === 'base64';
  } catch {
    return false;
  }
}

/** OpenAI's base64 embedding: the vector as little-endian float32 bytes. */
export function toBase64Floats(values: unknown): string {
  const list = Array.isArray(values) ? values : [];
  const view = new DataView(new ArrayBuffer(list.length * 4));
  list.forEach((v, i) => view.setFloat32(i * 4, typeof v === 'number' ? v : 0, true));
  return Buffer.from(view.buffer).toString('base64');
}

/** A tool call's `function.arguments` (a JSON string in OpenAI's format) as the object natives want. */
export function parseArguments(adapter: string, raw: unknown, where: string): Json {
  if (isRecord(raw)) return raw;
  if (raw === undefined || raw === null || raw === '') return {};
  if (typeof raw !== 'string') throw invalidRequest(adapter, `${where}.function.arguments must be a JSON string`);
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isRecord(parsed)) return parsed;
  } catch {
    // reported below with the field named
  }
  throw invalidRequest(adapter, `${where}.function.arguments is not a JSON object`);
}

// The one SSE parser every adapter uses lives in ../sse.ts.
export { SseDecoder, type SseEvent } from '../sse.js';
