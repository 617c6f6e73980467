// Gemini 3 wants each function call's thoughtSignature back with the call. OpenAI clients only echo the
// tool call id, so the signature travels inside it, after a separator: written into the id when an
// answer is translated, taken out again when the client sends the call back.
import { randomUUID } from 'node:crypto';
import { str, type Json } from '../common.js';

export const THOUGHT_SIGNATURE_SEPARATOR = '__thought__';

/** The OpenAI tool call id for a functionCall part: the call's id (or a new one) with its signature. */
export function toolCallId(part: Json, call: Json): string {
  const base = str(call.id) ?? `call_${randomUUID().replace(/-/g, '')}`;
  const sig = str(part.thoughtSignature);
  return sig ? `${base}${THOUGHT_SIGNATURE_SEPARATOR}${sig}` : base;
}

/** The thoughtSignature carried in a tool call id, if any. */
export function thoughtSignatureOf(id: string): string | undefined {
  const sep = id.indexOf(THOUGHT_SIGNATURE_SEPARATOR);
  return sep === -1 ? undefined : id.slice(sep + THOUGHT_SIGNATURE_SEPARATOR.length);
}
