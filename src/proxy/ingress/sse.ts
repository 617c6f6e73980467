// SSE framing for the ingress APIs: both name every event (`event: <type>`) and repeat the type in the data.

/** One complete SSE event: `event: <name>` then the JSON payload on one data line. */
export function sseEvent(name: string, data: Record<string, unknown>): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`;
}
