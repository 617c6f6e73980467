// Reading a request body within general_settings.max_request_size_mb. A body over the limit is still
// read to its end (and thrown away) before the 413 goes out: a client that is still sending when the
// server answers and closes sees a reset, not the 413. Only absurd bodies are cut off unread.
import type { IncomingMessage } from 'node:http';

/** Past this much discarded body the connection is closed instead (the client will see a reset). */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

export class BodyTooLargeError extends Error {
  constructor(
    /** True when the whole body was read (and dropped), so a 413 can be answered on a healthy connection. */
    readonly drained: boolean,
  ) {
    super('request body too large');
  }
}

/** The whole body, or a BodyTooLargeError once an over-limit body was read to its end. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) {
        chunks.push(chunk);
        return;
      }
      chunks.length = 0;
      if (size > Math.max(limit, MAX_DISCARD_BYTES) && !settled) {
        settled = true;
        req.off('data', onData);
        reject(new BodyTooLargeError(false));
      }
    };
    req.on('data', onData);
    req.once('end', () => {
      if (settled) return;
      settled = true;
      if (size > limit) reject(new BodyTooLargeError(true));
      else resolve((chunks.length === 1 ? chunks[0] : undefined) ?? Buffer.concat(chunks));
    });
    req.once('error', (err) => {
      if (settled) return;
      settled = true;
      reject(err);
    });
  });
}

/** True when a declared Content-Length is too large to be worth reading just to throw away. */
export function tooLargeToDrain(declared: number, limit: number): boolean {
  return declared > Math.max(limit, MAX_DISCARD_BYTES);
}
