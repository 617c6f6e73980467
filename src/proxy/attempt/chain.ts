// The model groups a request may be served from, in order: the resolved group, then its configured
// fallbacks (those keyed by the requested alias first), bounded by max_fallbacks. Tables are immutable,
// so a chain is worked out once per group and alias.
import type { ModelGroup, RouteTable } from '../table.js';

export class FallbackChains {
  private readonly chains = new WeakMap<ModelGroup, Map<string, readonly ModelGroup[]>>();

  get(table: RouteTable, group: ModelGroup, alias: string | undefined): readonly ModelGroup[] {
    let byAlias = this.chains.get(group);
    if (byAlias === undefined) {
      byAlias = new Map();
      this.chains.set(group, byAlias);
    }
    const key = alias ?? '';
    let chain = byAlias.get(key);
    if (chain === undefined) {
      chain = fallbackChain(table, group, alias);
      byAlias.set(key, chain);
    }
    return chain;
  }
}

export function fallbackChain(table: RouteTable, group: ModelGroup, alias: string | undefined): ModelGroup[] {
  const names = [...(alias ? table.fallbacks.get(alias) ?? [] : []), ...(table.fallbacks.get(group.name) ?? [])];
  const targets = names.length > 0 ? names : table.defaultFallbacks;
  const chain = [group];
  const seen = new Set([group.name]);
  for (const name of targets) {
    if (chain.length > table.settings.maxFallbacks) break;
    const g = table.resolveTarget(name);
    if (!g || seen.has(g.name)) continue;
    seen.add(g.name);
    chain.push(g);
  }
  return chain;
}
