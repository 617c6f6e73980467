// Reading a complete upstream body that is not forwarded byte for byte: parsed, checked to be an
// answer and not an error a gateway put inside a 200, and the failure to report when it is neither
// or when its translation throws.
import { isObject } from '../http/exchange.js';
import type { TranslatedError } from '../providers/types.js';
import { failed, type Failure } from '../attempt/outcome.js';

/**
 * The body as an answer object, or the failure it is: not JSON, not an object, or an `error` without
 * what `isAnswer` looks for (some gateways report failures inside a 200: they are the failure they are),
 * its message read by `errors` (the adapter, or the ingress attempt).
 */
export function readAnswer(
  text: string,
  isAnswer: (o: Record<string, unknown>) => boolean,
  errors: { translateError(status: number, bodyText: string): TranslatedError },
): { answer: Record<string, unknown> } | Failure {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failed('bad_response', `upstream sent malformed JSON: ${text.slice(0, 120)}`);
  }
  if (!isObject(parsed)) return failed('bad_response', 'upstream answer is not a JSON object');
  if (parsed.error !== undefined && !isAnswer(parsed)) return failed('upstream_error', errors.translateError(502, text).message);
  return { answer: parsed };
}

/** A translator threw on an upstream answer: the answer is unusable, another deployment may do better. */
export function cannotTranslate(err: unknown): Failure {
  return failed('bad_response', `cannot translate upstream answer: ${err instanceof Error ? err.message : String(err)}`);
}
