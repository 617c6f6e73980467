// What a provider named inside a capability stands for (`capabilities.code.provider: ollama`, a provider
// in `preferred_models`, a provider step of the capability's fallback chain). Not every group of the
// provider (a code capability must not fall back to a role-play model): the capability's own preferred
// groups that provider serves, else its model whose registry `specialty` matches the capability's name,
// else its only model, else the one group it is the first choice of. Anything else is left out and said.
import type { Reporter } from './context.js';
import type { Capability, NameRef, Provider } from './model.js';
import { modelForPurpose } from './purpose.js';
import type { ResolvedGroup } from './resolve.js';

export function capabilityProviderTargets(c: Capability, p: Provider, ref: NameRef, groups: readonly ResolvedGroup[], reporter: Reporter): string[] {
  const serves = (g: ResolvedGroup, model?: string) => g.deployments.some((d) => d.provider.key === p.key && (model === undefined || d.model === model));
  const preferred = new Set(c.targets.map((t) => t.name));
  const inPreferred = groups.filter((g) => preferred.has(g.name) && serves(g)).map((g) => g.name);
  if (inPreferred.length) return inPreferred;
  const pick = modelForPurpose(p, c.name);
  if (pick) {
    const name = pick.model.name;
    const group = groups.find((g) => g.name === name && serves(g, name)) ?? groups.find((g) => serves(g, name));
    if (group) {
      const why = pick.how === 'specialty' ? `its model for ${pick.model.specialty}` : 'its only model';
      reporter.info('ref/provider-as-model', ref.origin, `"${p.key}" is a provider: in capability "${c.name}" it stands for "${group.name}" (${why})`, `name "${group.name}" to make this explicit`);
      return [group.name];
    }
  }
  // A registry that lists no models for the provider: the one group it is the first choice of.
  const served = groups.filter((g) => serves(g)).map((g) => g.name);
  const primaryOf = groups.filter((g) => g.deployments[0]?.provider.key === p.key).map((g) => g.name);
  const only = served.length === 1 ? served : primaryOf.length === 1 ? primaryOf : undefined;
  if (only) {
    reporter.info('ref/provider-as-model', ref.origin, `"${p.key}" is a provider: in capability "${c.name}" it stands for "${only[0]}" (the one group it ${served.length === 1 ? 'serves' : 'serves first'})`, `name "${only[0]}" to make this explicit`);
    return only;
  }
  reporter.warn(
    'ref/ambiguous-provider',
    ref.origin,
    served.length
      ? `provider "${p.key}" serves ${served.length} model groups and none is a preferred model of capability "${c.name}" or has a matching specialty: this entry is left out`
      : `provider "${p.key}" serves no model group: this entry of capability "${c.name}" has no effect`,
    served.length ? `name the model group you mean (one of: ${served.slice(0, 8).join(', ')}${served.length > 8 ? ', ...' : ''})` : 'name a model group',
  );
  return [];
}
