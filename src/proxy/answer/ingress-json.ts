// The complete answer of an ingress request (Anthropic Messages, OpenAI Responses): the upstream body is
// parsed, checked, and turned into the client's API by the attempt; tokens and headers as for chat.
import type { IngressAttempt } from '../ingress/types.js';
import { networkFailure, type Outcome } from '../attempt/outcome.js';
import { cannotTranslate, readAnswer } from './read.js';
import type { AnswerContext } from './context.js';
import { sendAnswer } from './json.js';

/** The upstream's answer: a chat completion (`choices`) or, from a native Anthropic upstream, a message. */
function isChatOrMessage(o: Record<string, unknown>): boolean {
  return o.choices !== undefined || o.type === 'message';
}

export async function finishIngressJson(a: AnswerContext, attempt: IngressAttempt): Promise<Outcome> {
  const r = a.r;
  let text: string;
  try {
    text = await a.resp.body.text();
  } catch (err) {
    return networkFailure(r, err, a.timedOut());
  }
  const read = readAnswer(text, isChatOrMessage, attempt);
  if ('kind' in read) return read;
  let answer: ReturnType<IngressAttempt['answer']>;
  try {
    answer = attempt.answer(read.answer);
  } catch (err) {
    return cannotTranslate(err);
  }
  r.promptTokens = answer.usage.prompt;
  r.completionTokens = answer.usage.completion;
  return sendAnswer(a, Buffer.from(JSON.stringify(answer.body)), true);
}
