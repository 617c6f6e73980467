// Server-sent-event framing the proxy writes itself (everything else is the upstream's own bytes).

export const SSE_DONE = 'data: [DONE]\n\n';

/** Boundary between two SSE events. Not global, so `exec` keeps no state between calls. */
export const EVENT_BOUNDARY = /\r?\n\r?\n/;

/** A data payload that is an OpenAI error object rather than a chunk. */
export const ERROR_PAYLOAD = /^\{\s*"error"\s*:/;

/** An OpenAI-style error event: the openai SDK turns it into an APIError on the client side. */
export function sseErrorEvent(message: string, code: string): string {
  return `data: ${JSON.stringify({ error: { message, type: 'api_error', code } })}\n\n`;
}
