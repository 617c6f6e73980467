// Small helpers every translating adapter needs: narrowing unknown JSON, client-mistake errors, tool-call
// arguments, OpenAI's base64 embedding encoding and an incremental SSE decoder.
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

export interface SseEvent {
  event: string;
  data: string;
}

/** Incremental SSE decoder: lines across arbitrary chunk boundaries (\n, \r\n or \r), complete events out. */
export class SseDecoder {
  private buffer = '';
  private event = '';
  private data: string[] = [];

  push(text: string, final = false): SseEvent[] {
    this.buffer += text;
    const out: SseEvent[] = [];
    for (;;) {
      const m = /\r\n|\r|\n/.exec(this.buffer);
      if (!m) break;
      // A lone trailing \r may be the first half of \r\n: wait for the next chunk unless the body ended.
      if (m[0] === '\r' && m.index === this.buffer.length - 1 && !final) break;
      const line = this.buffer.slice(0, m.index);
      this.buffer = this.buffer.slice(m.index + m[0].length);
      this.line(line, out);
    }
    if (final) {
      if (this.buffer !== '') this.line(this.buffer, out);
      this.buffer = '';
      this.line('', out);
    }
    return out;
  }

  private line(line: string, out: SseEvent[]): void {
    if (line === '') {
      if (this.data.length > 0) out.push({ event: this.event || 'message', data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}
