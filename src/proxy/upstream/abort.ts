// Cancels one upstream attempt. undici accepts any emitter of 'abort' with an `aborted` flag, and this
// costs a fraction of an AbortController (which showed up in per-request CPU profiles).
import { EventEmitter } from 'node:events';

export class UpstreamAbort extends EventEmitter {
  aborted = false;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('abort');
  }
}
