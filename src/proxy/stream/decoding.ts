// What the two translating pumps (translating.ts for native adapters, ingress.ts for the agent APIs)
// share: upstream bytes decoded as UTF-8 (a character split across chunks waits for its rest) and fed to
// a translator, whose events drive the state machine. An error event before the commit is a failure to
// fall back from, after it a break; any other first event commits; `done` completes the stream.
import type { TranslatedError } from '../providers/types.js';
import type { AnswerContext } from '../answer/context.js';
import { failed, translatedFailure } from '../attempt/outcome.js';
import { StreamPump } from './pump.js';

/** The events a translator yields: an error, the end, or something to write. */
export type PumpEvent = { kind: 'error'; error: TranslatedError } | { kind: 'done' } | { kind: 'chunk' | 'data' };

export interface TextTranslator<E extends PumpEvent> {
  /** Upstream text (split anywhere) in, complete events out. */
  push(text: string): E[];
  /** The upstream body ended: the last events (a stream without its end reports an error). */
  end(): E[];
}

export abstract class DecodingPump<E extends PumpEvent> extends StreamPump {
  private readonly decoder = new TextDecoder();

  constructor(
    a: AnswerContext,
    protected readonly translator: TextTranslator<E>,
    /** Why a body that ended cleanly before its first event failed, and why one that ended midway broke. */
    private readonly endedEarly: { beforeFirst: string; midway: string },
  ) {
    super(a);
  }

  /** Writes an event that is neither an error nor the end. */
  protected abstract writeEvent(ev: E): void;
  /** Writes the end of the client's stream (before the response ends). */
  protected abstract writeDone(ev: E): void;

  protected accept(chunk: Buffer): void {
    this.handle(this.translator.push(this.decoder.decode(chunk, { stream: true })));
  }

  protected onEnd(): void {
    const tail = this.decoder.decode();
    if (!this.handle([...(tail ? this.translator.push(tail) : []), ...this.translator.end()])) return;
    // end() reports a stream without its closing event as an error, so this is only reached by a body
    // that ended without one and without the translator noticing.
    if (this.state === 'awaiting_first_event') return this.settle(failed('bad_response', this.endedEarly.beforeFirst));
    this.breakMidway(this.endedEarly.midway, 'stream_truncated');
    this.settle({ kind: 'served' });
  }

  /** Writes the events; false once the pump settled (an error or the end). */
  private handle(events: E[]): boolean {
    for (const ev of events) {
      if (ev.kind === 'error') {
        this.fail(ev.error);
        return false;
      }
      if (this.state === 'awaiting_first_event') this.commit();
      if (ev.kind === 'done') {
        this.writeDone(ev);
        this.body.destroy();
        this.finish();
        return false;
      }
      this.writeEvent(ev);
    }
    return true;
  }

  private fail(error: TranslatedError): void {
    this.body.destroy();
    if (this.state === 'awaiting_first_event') return this.settle(translatedFailure(error));
    this.breakMidway(error.message, error.code ?? 'upstream_stream_error');
    this.settle({ kind: 'served' });
  }
}
