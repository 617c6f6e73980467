// Which of a provider's models a name stands for when the source names the provider but no model: a
// load-balanced group ("general-chat") or a capability ("code") served by "provider: ollama". The
// registry's own `specialty` of each model decides (general_chat, code_generation, creative_writing):
// a purpose matches a specialty when the words of one are all words of the other. Only a unique match
// counts; anything else would be a guess.
import type { Provider, ProviderModel } from './model.js';

function words(s: string): string[] {
  return s
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

export function purposeMatches(purpose: string, specialty: string | undefined): boolean {
  if (!specialty) return false;
  const a = words(purpose);
  const b = words(specialty);
  if (a.length === 0 || b.length === 0) return false;
  return a.every((w) => b.includes(w)) || b.every((w) => a.includes(w));
}

/** The provider's one model whose specialty matches the purpose, else its only model, else undefined. */
export function modelForPurpose(provider: Provider, purpose: string): { model: ProviderModel; how: 'specialty' | 'only model' } | undefined {
  const matching = provider.models.filter((m) => purposeMatches(purpose, m.specialty));
  const [match] = matching;
  if (match && matching.length === 1) return { model: match, how: 'specialty' };
  const [only] = provider.models;
  if (only && provider.models.length === 1) return { model: only, how: 'only model' };
  return undefined;
}
