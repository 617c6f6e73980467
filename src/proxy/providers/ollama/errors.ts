// Ollama's error answers (`{"error": "<text>"}`, or OpenAI's shape from a reverse proxy in front of it)
// -> OpenAI errors, by HTTP status (Ollama's 422 is a bad request like 400).
import type { TranslatedError } from '../types.js';
import { isRecord, str, parseJson } from '../common.js';
import { fallbackMessage, kindFromHttpStatus } from '../errors.js';

export function translateError(status: number, bodyText: string): TranslatedError {
  const parsed = parseJson(bodyText);
  const message = isRecord(parsed) ? (str(parsed.error) ?? (isRecord(parsed.error) ? str(parsed.error.message) : undefined)) : undefined;
  const kind = kindFromHttpStatus(status === 422 ? 400 : status);
  return { ...kind, code: null, message: message ?? fallbackMessage(bodyText, status) };
}
