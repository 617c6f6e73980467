// What the answer stages (the JSON answer in answer/, the stream pumps in stream/) know about one
// attempt whose upstream answered 2xx: built once by the upstream call and handed on as it is.
import type { Dispatcher } from 'undici';
import type { Exchange } from '../http/exchange.js';
import type { ProxyServices } from '../services.js';
import type { ModelGroup, RuntimeDeployment } from '../table.js';

export interface AnswerContext {
  svc: ProxyServices;
  r: Exchange;
  group: ModelGroup;
  d: RuntimeDeployment;
  /** The upstream's 2xx response; its body is read (JSON) or pumped (streams) exactly once. */
  resp: Dispatcher.ResponseData;
  /** performance.now() when the upstream request went out. */
  upstreamStart: number;
  /** The attempt's timer (stream_timeout for streams): a pump clears it at its commit. */
  timer: NodeJS.Timeout;
  /** True once the timer fired (a body error is then a timeout, not a network failure). */
  timedOut: () => boolean;
}
