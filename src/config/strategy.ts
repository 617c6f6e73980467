// Routing strategy names as users write them -> the LiteLLM strategy that does the same, or a warning
// that the name has no effect (with the closest real one).
import { ROUTING_STRATEGIES, type RoutingStrategy } from '../shared/compiled-config.js';
import { didYouMean } from '../shared/suggest.js';
import type { Reporter } from './context.js';
import type { Origin } from './model.js';

/** Strategy names found in the wild -> the LiteLLM strategy that does the same. */
const STRATEGY_SYNONYMS: Record<string, RoutingStrategy> = {
  round_robin: 'simple-shuffle',
  weighted_round_robin: 'simple-shuffle',
  weighted: 'simple-shuffle',
  load_balance: 'simple-shuffle',
  shuffle: 'simple-shuffle',
  least_loaded: 'least-busy',
  least_busy: 'least-busy',
  fastest_response: 'latency-based-routing',
  latency_based: 'latency-based-routing',
  usage_based: 'usage-based-routing-v2',
  cost_based: 'cost-based-routing',
};

export function normalizeStrategy(value: string, origin: Origin, reporter: Reporter, what: string): RoutingStrategy | undefined {
  const known = ROUTING_STRATEGIES.find((s) => s === value);
  if (known) return known;
  const synonym = STRATEGY_SYNONYMS[value];
  if (synonym) return synonym;
  const guess = didYouMean(value, ROUTING_STRATEGIES);
  reporter.warn(
    'effect/unsupported-strategy',
    origin,
    `${what} "${value}" is not a routing strategy RainyModel or LiteLLM implements: it has no effect`,
    guess ? `did you mean "${guess}"?` : `use one of: ${ROUTING_STRATEGIES.join(', ')}`,
  );
  return undefined;
}
