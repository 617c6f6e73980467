// The stream of an OpenAI-shaped upstream: bytes go to the client as they come. Before the commit the
// bytes are held back and read event by event until the first data event (comments and keep-alives do
// not commit; an error payload is a failure to fall back from). Usage is read from the last two chunks.
import { ERROR_PAYLOAD, EVENT_BOUNDARY } from '../sse.js';
import { failed } from '../attempt/outcome.js';
import { translatedFailure } from '../attempt/outcome.js';
import { COMPLETION_TOKENS, PROMPT_TOKENS } from '../answer/json.js';
import { StreamPump } from './pump.js';

const FIRST_EVENT_LIMIT = 1 << 20;

export class PassThroughPump extends StreamPump {
  private pending: Buffer[] = [];
  private pendingText = '';
  private prev: Buffer | undefined;
  private last: Buffer | undefined;

  protected accept(chunk: Buffer): void {
    if (this.state === 'streaming') {
      this.prev = this.last;
      this.last = chunk;
      this.write(chunk);
      return;
    }
    this.pending.push(chunk);
    this.pendingText += chunk.toString('utf8');
    this.lookForFirstEvent();
  }

  private lookForFirstEvent(): void {
    const text = this.pendingText;
    let from = 0;
    for (;;) {
      const m = EVENT_BOUNDARY.exec(text.slice(from));
      if (!m) break;
      const block = text.slice(from, from + m.index);
      from += m.index + m[0].length;
      const dataLine = block.split(/\r?\n/).find((l) => l.startsWith('data:'));
      if (dataLine === undefined) continue;
      const data = dataLine.slice(5).trim();
      if (ERROR_PAYLOAD.test(data)) {
        this.a.body.destroy();
        this.settle(translatedFailure(this.a.d.adapter!.translateError(502, data)));
        return;
      }
      this.commitPending();
      return;
    }
    if (text.length > FIRST_EVENT_LIMIT) {
      this.a.body.destroy();
      this.settle(failed('bad_response', 'upstream stream sent no event in its first megabyte'));
    }
  }

  private commitPending(): void {
    this.commit();
    const pending = this.pending;
    for (const p of pending) this.a.r.res.write(p);
    this.last = pending[pending.length - 1];
    this.prev = pending.length > 1 ? pending[pending.length - 2] : undefined;
    this.pending = [];
    this.pendingText = '';
  }

  protected onEnd(): void {
    if (this.state === 'awaiting_first_event') {
      return this.settle(failed('bad_response', `upstream stream ended before its first event: ${this.pendingText.slice(0, 120)}`));
    }
    const r = this.a.r;
    const tail = (this.prev ? this.prev.toString('utf8') : '') + (this.last ? this.last.toString('utf8') : '');
    const p = PROMPT_TOKENS.exec(tail);
    const c = COMPLETION_TOKENS.exec(tail);
    if (p) r.promptTokens = Number(p[1]);
    if (c) r.completionTokens = Number(c[1]);
    if (!tail.includes('[DONE]')) {
      this.breakMidway('upstream stream ended without [DONE]', 'stream_truncated');
      return this.settle({ kind: 'served' });
    }
    this.finish();
  }
}
