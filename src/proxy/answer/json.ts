// The complete (non-streamed) answer: reads the upstream body, checks it is an answer and not an error
// in disguise, translates it when the adapter is not OpenAI-shaped, and writes it to the client with
// the how-it-was-served headers, token counts and the response cache.
import { isObject, successHeaders } from '../http/exchange.js';
import type { ProviderAdapter } from '../providers/types.js';
import type { AnswerContext } from './context.js';
import { failed, networkFailure, type Outcome } from '../attempt/outcome.js';
import { cannotTranslate, readAnswer } from './read.js';
import { countTokens, markServed } from '../attempt/bookkeeping.js';
import { finishIngressJson } from './ingress-json.js';

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const USAGE_KEY = Buffer.from('"usage"');
const CHOICES_KEY = Buffer.from('"choices"');
const DATA_KEY = Buffer.from('"data"');
export const PROMPT_TOKENS = /"prompt_tokens"\s*:\s*(\d+)/;
export const COMPLETION_TOKENS = /"completion_tokens"\s*:\s*(\d+)/;

/** The index of the first byte from `from` on (going `step`) that is not white space; out of range if none. */
function skipSpace(b: Buffer, from: number, step: 1 | -1): number {
  let i = from;
  for (let c = b[i]; c !== undefined && c <= 0x20; c = b[i]) i += step;
  return i;
}

/** True when the bytes start with `{` and end with `}` (whitespace aside): a cheap shape check. */
function looksLikeObject(b: Buffer): boolean {
  return b[skipSpace(b, 0, 1)] === OPEN_BRACE && b[skipSpace(b, b.length - 1, -1)] === CLOSE_BRACE;
}

/** An OpenAI answer: chat and completions have `choices`, embeddings `data`. */
function isOpenAIAnswer(o: Record<string, unknown>): boolean {
  return o.choices !== undefined || o.data !== undefined;
}

/** The complete answer of an attempt whose deployment has `adapter` (callUpstream checked it has one). */
export async function finishJson(a: AnswerContext, adapter: ProviderAdapter): Promise<Outcome> {
  const r = a.r;
  if (r.ingressAttempt) return finishIngressJson(a, r.ingressAttempt);
  let bytes: Uint8Array;
  try {
    bytes = await a.resp.body.bytes();
  } catch (err) {
    return networkFailure(r, err, a.timedOut());
  }
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // OpenAI-shaped answers go out as the very bytes that came in. Parsing them (and serialising again)
  // was the largest cost a request paid in the proxy itself; only a body that is not plainly an answer
  // (no "choices", no "data": an error inside a 200, or something else) is parsed to say what it is.
  if (adapter.passThrough && (buf.includes(CHOICES_KEY) || buf.includes(DATA_KEY))) {
    if (!looksLikeObject(buf)) return failed('bad_response', `upstream sent malformed JSON: ${buf.toString('utf8', 0, 120)}`);
    return sendAnswer(a, buf);
  }
  const read = readAnswer(buf.toString('utf8'), isOpenAIAnswer, adapter);
  if ('kind' in read) return read;
  if (adapter.passThrough) return sendAnswer(a, buf);
  let translated: Record<string, unknown>;
  try {
    translated = adapter.translateResponse(r.ctx, a.d.adapterDeployment, read.answer);
  } catch (err) {
    return cannotTranslate(err);
  }
  const usage = translated.usage;
  if (isObject(usage)) {
    if (typeof usage.prompt_tokens === 'number') r.promptTokens = usage.prompt_tokens;
    if (typeof usage.completion_tokens === 'number') r.completionTokens = usage.completion_tokens;
  }
  return sendAnswer(a, Buffer.from(JSON.stringify(translated)), true);
}

/** Sends a complete 200 answer; `usageKnown` when the caller already read usage from a parsed object. */
export function sendAnswer(a: AnswerContext, out: Buffer, usageKnown = false): Outcome {
  const { svc, r, group, d } = a;
  if (r.clientGone) return { kind: 'aborted' };
  if (!usageKnown) {
    // usage sits at the end of an OpenAI answer: read its two numbers there instead of parsing the body.
    const at = out.lastIndexOf(USAGE_KEY);
    if (at >= 0) {
      const tail = out.toString('latin1', at, Math.min(out.length, at + 1024));
      const p = PROMPT_TOKENS.exec(tail);
      const c = COMPLETION_TOKENS.exec(tail);
      if (p) r.promptTokens = Number(p[1]);
      if (c) r.completionTokens = Number(c[1]);
    }
  }
  markServed(svc, r, group, d, a.upstreamStart);
  const headers = successHeaders(r, d, 'application/json');
  headers['content-length'] = String(out.length);
  r.res.writeHead(200, headers);
  r.res.end(out);
  if (r.cacheKey !== undefined) svc.fleet.store(r.cacheKey, out.toString('utf8'), d);
  svc.metrics.overhead.observe(Math.max(0, performance.now() - r.start - (r.upstreamMs ?? 0)) / 1000);
  countTokens(svc, r, d, group);
  return { kind: 'served' };
}
