// Picks the pump for a streamed answer: bytes as they come for OpenAI-shaped upstreams, translated
// events for native ones and for the agent APIs.
import type { ProviderAdapter } from '../providers/types.js';
import type { AnswerContext } from '../answer/context.js';
import type { Outcome } from '../attempt/outcome.js';
import { PassThroughPump } from './pass-through.js';
import { TranslatingPump } from './translating.js';
import { IngressPump } from './ingress.js';

/** Pumps the stream of an attempt whose deployment has `adapter` (callUpstream checked it has one). */
export function pumpStream(a: AnswerContext, adapter: ProviderAdapter): Promise<Outcome> {
  const ingress = a.r.ingressAttempt;
  const pump = ingress ? new IngressPump(a, ingress.stream()) : adapter.passThrough ? new PassThroughPump(a, adapter) : new TranslatingPump(a, adapter);
  return pump.run();
}
