// Step 4a: names -> entities. Owns the Routing the compiler emits and the order in which it is built:
// groups and their deployments (resolve-groups.ts), fallbacks and capabilities (resolve-targets.ts),
// patterns. Where resolving a reference decides to leave something out, it says so at that place; every
// check that does not change the routing is a named rule (rules-routing.ts, listed in rule-list.ts).
import type { RoutingStrategy, Tier } from '../shared/compiled-config.js';
import type { Reporter } from './context.js';
import type { Model, NameRef, Origin, Provider, ProviderModel } from './model.js';
import { newResolution, resolveGroups, resolvePatterns } from './resolve-groups.js';
import { resolveCapabilities, resolveDefaultFallbacks, resolveGroupFallbacks } from './resolve-targets.js';

export interface ResolvedDeployment {
  /** Unique across the config (LiteLLM model_info.id). */
  id: string;
  group: string;
  provider: Provider;
  /** The provider's model name; `{model}` for pattern routes. */
  model: string;
  providerModel?: ProviderModel;
  tier: Tier;
  weight?: number;
  order?: number;
  rpm?: number;
  tpm?: number;
  timeout?: number;
  origin: Origin;
}

export interface ResolvedGroup {
  name: string;
  description?: string;
  strategy?: RoutingStrategy;
  deployments: ResolvedDeployment[];
  origin: Origin;
}

export interface ResolvedPattern {
  pattern: string;
  description?: string;
  deployments: ResolvedDeployment[];
}

export interface Routing {
  groups: ResolvedGroup[];
  /** Group (or capability) -> fallback groups, in order, with where each entry was written. */
  fallbacks: Array<{ from: string; targets: NameRef[]; origin: Origin }>;
  defaultFallbacks: string[];
  /** Capability -> the group it aliases (LiteLLM model_group_alias). */
  groupAliases: Array<[string, string]>;
  patterns: ResolvedPattern[];
}

export function resolve(model: Model, reporter: Reporter): Routing {
  const r = newResolution(model, reporter);
  // 1. Groups and their deployments (a provider named as a group's fallback becomes a deployment of it).
  const consumed = resolveGroups(r);
  // 2. Fallback targets: model groups, capabilities, or a provider (standing for the groups it serves).
  resolveGroupFallbacks(r, consumed);
  const defaultFallbacks = resolveDefaultFallbacks(r);
  // 3. Capabilities: an alias of their first available model, the others as its fallbacks.
  const groupAliases = resolveCapabilities(r);
  // 4. Patterns: requests for unlisted model names that match go to the pattern's providers, as named.
  const patterns = resolvePatterns(r);
  return { groups: r.groups, fallbacks: r.fallbacks, defaultFallbacks, groupAliases, patterns };
}
