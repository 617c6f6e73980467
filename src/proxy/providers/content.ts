// OpenAI request parts as the native request translators read them: a base64 data: URL taken apart,
// the text of a content value (a string, or the text parts of an array), and a checked tool definition.
import { invalidRequest, isRecord, type Json } from './common.js';

/** `data:<mime>[;params];base64,<data>` -> its MIME type and base64 data; undefined for anything else. */
export function parseDataUrl(url: string): { mimeType: string; data: string } | undefined {
  const m = /^data:([^;,]+)((?:;[^;,]*)*?);base64,(.*)$/s.exec(url);
  const mimeType = m?.[1];
  const data = m?.[3];
  return mimeType !== undefined && data !== undefined ? { mimeType, data } : undefined;
}

/** The text of a content value: the string itself, or its text parts joined; '' for anything else. */
export function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p) => (isRecord(p) && p.type === 'text' && typeof p.text === 'string' ? p.text : '')).join('');
}

/** The URL of an `image_url` part, written as `{url}` or as a bare string. */
export function imageUrlOf(part: Record<string, unknown>): string | undefined {
  const iu = part.image_url;
  const url = isRecord(iu) ? iu.url : iu;
  return typeof url === 'string' ? url : undefined;
}

/** `tools[i].function` of a request, checked to be a function tool with a name. */
export function toolFunction(adapter: string, tool: unknown, i: number): Json & { name: string } {
  const fn = isRecord(tool) ? tool.function : undefined;
  if (isRecord(fn) && typeof fn.name === 'string' && fn.name !== '') return fn as Json & { name: string };
  throw invalidRequest(adapter, `tools[${i}] must be {"type":"function","function":{"name",...}}`);
}
