// The complete answer of an ingress request (Anthropic Messages, OpenAI Responses): the upstream body is
// parsed, checked, and turned into the client's API by the attempt; tokens and headers as for chat.
import type { Dispatcher } from 'undici';
import { isObject, type Exchange } from '../http/exchange.js';
import type { IngressAttempt } from '../ingress/types.js';
import type { ProxyServices } from '../services.js';
import type { ModelGroup, RuntimeDeployment } from '../table.js';
import { failed, networkFailure, type Outcome } from '../attempt/outcome.js';
import { sendAnswer } from './json.js';

export async function finishIngressJson(
  svc: ProxyServices,
  r: Exchange,
  group: ModelGroup,
  d: RuntimeDeployment,
  resp: Dispatcher.ResponseData,
  upstreamStart: number,
  timedOut: () => boolean,
  attempt: IngressAttempt,
): Promise<Outcome> {
  let text: string;
  try {
    text = await resp.body.text();
  } catch (err) {
    return networkFailure(r, err, timedOut());
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
  return sendAnswer(svc, r, group, d, upstreamStart, Buffer.from(JSON.stringify(answer.body)), true);
}
