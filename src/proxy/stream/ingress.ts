// The stream of an ingress request (Anthropic Messages, OpenAI Responses): the attempt's translator turns
// upstream text into the client's API events, written as they come; a break after the commit ends with
// the API's own error event, and usage is read from the translator at the end.
import type { IngressStreamEvent, IngressStreamTranslator } from '../ingress/types.js';
import type { AnswerContext } from '../answer/context.js';
import { DecodingPump } from './decoding.js';

const ENDED_EARLY = { beforeFirst: 'upstream stream ended before its first event', midway: 'upstream stream ended before its last event' };

export class IngressPump extends DecodingPump<IngressStreamEvent> {
  constructor(
    a: AnswerContext,
    private readonly ingress: IngressStreamTranslator,
  ) {
    super(a, ingress, ENDED_EARLY);
  }

  protected writeEvent(ev: IngressStreamEvent): void {
    if (ev.kind === 'data') this.write(ev.text);
  }

  protected writeDone(ev: IngressStreamEvent): void {
    if (ev.kind === 'done') this.a.r.res.write(ev.text);
    const u = this.ingress.usage();
    if (u.prompt !== undefined) this.a.r.promptTokens = u.prompt;
    if (u.completion !== undefined) this.a.r.completionTokens = u.completion;
  }

  protected override errorEvent(message: string, code: string): string {
    return this.ingress.fail(message, code);
  }
}
