// Picks the pump for a streamed answer: bytes as they come for OpenAI-shaped upstreams, translated
// events for native ones.
import type { Dispatcher } from 'undici';
import type { Exchange } from '../http/exchange.js';
import type { ProxyServices } from '../services.js';
import type { ModelGroup, RuntimeDeployment } from '../table.js';
import type { Outcome } from '../attempt/outcome.js';
import { PassThroughPump } from './pass-through.js';
import { TranslatingPump } from './translating.js';
import { IngressPump } from './ingress.js';

export function pumpStream(
  svc: ProxyServices,
  r: Exchange,
  group: ModelGroup,
  d: RuntimeDeployment,
  resp: Dispatcher.ResponseData,
  upstreamStart: number,
  timer: NodeJS.Timeout,
  timedOut: () => boolean,
): Promise<Outcome> {
  const attempt = { svc, r, group, d, body: resp.body, upstreamStart, timer, timedOut };
  const pump = r.ingressAttempt ? new IngressPump(attempt, r.ingressAttempt.stream()) : d.adapter!.passThrough ? new PassThroughPump(attempt) : new TranslatingPump(attempt);
  return pump.run();
}
