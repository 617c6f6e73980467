// The complete answer of an ingress request (Anthropic Messages, OpenAI Responses): the upstream body is
// parsed, checked, and turned into the client's API by the attempt; tokens and headers as for chat.
import { isObject } from '../http/exchange.js';
import type { IngressAttempt } from '../ingress/types.js';
import { failed, networkFailure, type Outcome } from '../attempt/outcome.js';
import type { AnswerContext } from './context.js';
import { sendAnswer } from './json.js';

export async function finishIngressJson(a: AnswerContext, attempt: IngressAttempt): Promise<Outcome> {
  const r = a.r;
  let text: string;
  try {
    text = await a.resp.body.text();
  } catch (err) {
    return networkFailure(r, err, a.timedOut());
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return failed('bad_response', `upstream sent malformed JSON: ${text.slice(0, 120)}`);
  }
  if (!isObject(parsed)) return failed('bad_response', 'upstream answer is not a JSON object');
  if (parsed.error !== undefined && parsed.choices === undefined && parsed.type !== 'message') {
    // Some gateways report failures inside a 200: treat them as the failure they are.
    return failed('upstream_error', attempt.translateError(502, text).message);
  }
  let answer: ReturnType<IngressAttempt['answer']>;
  try {
    answer = attempt.answer(parsed);
  } catch (err) {
    return failed('bad_response', `cannot translate upstream answer: ${err instanceof Error ? err.message : String(err)}`);
  }
  r.promptTokens = answer.usage.prompt;
  r.completionTokens = answer.usage.completion;
  return sendAnswer(a, Buffer.from(JSON.stringify(answer.body)), true);
}
