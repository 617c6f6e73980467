// Server-sent events: the one parser every adapter and the pass-through stream use (eventsource-parser:
// lines end in \n, \r\n or a lone \r, split anywhere across chunks), and the framing the proxy writes
// itself (everything else is the upstream's own bytes).
import { createParser, type EventSourceParser } from 'eventsource-parser';

export const SSE_DONE = 'data: [DONE]\n\n';

/** A data payload that is an OpenAI error object rather than a chunk. */
export const ERROR_PAYLOAD = /^\{\s*"error"\s*:/;

/** An OpenAI-style error event: the openai SDK turns it into an APIError on the client side. */
export function sseErrorEvent(message: string, code: string): string {
  return `data: ${JSON.stringify({ error: { message, type: 'api_error', code } })}\n\n`;
}

export interface SseEvent {
  /** The event's type (`message` when it names none). */
  event: string;
  /** Its data lines joined with \n. */
  data: string;
}

/** Incremental SSE decoder: text in (split anywhere), complete events out; comments are skipped. */
export class SseDecoder {
  private readonly parser: EventSourceParser;
  private out: SseEvent[] = [];

  constructor() {
    this.parser = createParser({
      onEvent: (e) => {
        this.out.push({ event: e.event ?? 'message', data: e.data });
      },
    });
  }

  /** Complete events in `text`; `final` when the body ended (a last event without its blank line counts). */
  push(text: string, final = false): SseEvent[] {
    this.parser.feed(final ? `${text}\n\n` : text);
    const events = this.out;
    this.out = [];
    return events;
  }
}
