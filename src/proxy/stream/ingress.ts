// The stream of an ingress request (Anthropic Messages, OpenAI Responses): the attempt's translator turns
// upstream text into the client's API events. Same states as every pump: nothing reaches the client before
// the first event, an error before it falls back, a break after it ends with the API's own error event.
import type { IngressStreamEvent, IngressStreamTranslator } from '../ingress/types.js';
import { failed, translatedFailure } from '../attempt/outcome.js';
import { StreamPump, type PumpAttempt } from './pump.js';

export class IngressPump extends StreamPump {
  private readonly decoder = new TextDecoder();

  constructor(
    a: PumpAttempt,
    private readonly translator: IngressStreamTranslator,
  ) {
    super(a);
  }

  protected accept(chunk: Buffer): void {
    this.handle(this.translator.push(this.decoder.decode(chunk, { stream: true })));
  }

  protected onEnd(): void {
    const tail = this.decoder.decode();
    if (!this.handle([...(tail ? this.translator.push(tail) : []), ...this.translator.end()])) return;
    // end() reports a stream without its closing events as an error, so this is only reached by a body
    // that ended cleanly before its first event.
    if (this.state === 'awaiting_first_event') return this.settle(failed('bad_response', 'upstream stream ended before its first event'));
    this.breakMidway('upstream stream ended before its last event', 'stream_truncated');
    this.settle({ kind: 'served' });
  }

  protected override errorEvent(message: string, code: string): string {
    return this.translator.fail(message, code);
  }

  /** Writes the events; false once the pump settled (an error or the end). */
  private handle(events: IngressStreamEvent[]): boolean {
    const body = this.a.body;
    for (const ev of events) {
      if (ev.kind === 'error') {
        body.destroy();
        if (this.state === 'awaiting_first_event') this.settle(translatedFailure(ev.error));
        else {
          this.breakMidway(ev.error.message, ev.error.code ?? 'upstream_stream_error');
          this.settle({ kind: 'served' });
        }
        return false;
      }
      if (this.state === 'awaiting_first_event') this.commit();
      if (ev.kind === 'done') {
        this.a.r.res.write(ev.text);
        body.destroy();
        this.takeUsage();
        this.finish();
        return false;
      }
      this.write(ev.text);
    }
    return true;
  }

  private takeUsage(): void {
    const u = this.translator.usage();
    if (u.prompt !== undefined) this.a.r.promptTokens = u.prompt;
    if (u.completion !== undefined) this.a.r.completionTokens = u.completion;
  }
}
