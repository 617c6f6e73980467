// The tier of a deployment whose config does not state one (a hand-written LiteLLM file): inferred from
// what the deployment is (who runs the server, who bills for it), facts before words. The README section
// "Tiers" states the same rules for people.
import type { Tier } from '../shared/compiled-config.js';
import { providerForHost, type ProviderName } from '../shared/provider-names.js';

/** Provider prefixes of model servers people run themselves. */
const SELF_HOSTED_PREFIXES = new Set(['ollama', 'ollama_chat', 'hosted_vllm', 'vllm', 'lm_studio', 'llamafile', 'xinference', 'triton']);
/** Aggregators that resell many makers' models on one paid key. */
const AGGREGATORS = new Set<string>(['openrouter']);
/** Providers that sell their own models (or their own hosting) directly on the operator's key. */
const DIRECT_PROVIDERS = new Set<string>([
  'openai', 'anthropic', 'gemini', 'vertex_ai', 'deepseek', 'xai', 'mistral', 'cohere', 'groq', 'azure', 'bedrock',
  'together_ai', 'fireworks_ai', 'perplexity', 'cerebras',
]);
/** Ollama's own default port: nothing but an Ollama server answers on it. */
const OLLAMA_PORT = '11434';
const SAYS_FREE = /\bfree\b/i;
const SAYS_SELF_HOSTED = /\bollama\b|\bvllm\b|llama\.cpp|\blm studio\b|\bself-hosted\b|\bon-prem/i;

export interface TierFacts {
  /** The adapter prefix the deployment is served with (after bare-name inference). */
  prefix: string;
  upstreamModel: string;
  /** The api_base as written (after environment expansion), if any. */
  apiBase?: string;
  description?: string;
}

export interface InferredTier {
  tier: Tier;
  because: string;
}

export function isPrivateHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h.endsWith('.local') || h.endsWith('.internal') || h.endsWith('.lan')) return true;
  // A single-label name (`ollama`, a container's service name) only resolves inside the operator's network.
  if (!h.includes('.') && !h.includes(':')) return true;
  if (/^127\./.test(h) || /^10\./.test(h) || /^192\.168\./.test(h) || /^169\.254\./.test(h)) return true;
  const m = /^172\.(\d+)\./.exec(h);
  if (m && Number(m[1]) >= 16 && Number(m[1]) <= 31) return true;
  return /^f[cd][0-9a-f]{2}:/.test(h);
}

function parseBase(apiBase: string | undefined): URL | undefined {
  if (!apiBase) return undefined;
  try {
    return new URL(apiBase);
  } catch {
    return undefined;
  }
}

/** The provider a deployment reaches: its api_base host's provider, else the prefix's own API. */
export function destinationProvider(prefix: string, apiBase: string | undefined): string | undefined {
  const url = parseBase(apiBase);
  if (url) return providerForHost(url.hostname) ?? (prefix === 'openai' ? undefined : prefix);
  return prefix;
}

/** What the facts say, or undefined when they say nothing (a custom endpoint with no telling signs). */
function tierFromFacts(f: TierFacts, url: URL | undefined): InferredTier | undefined {
  const host = url?.hostname;
  const hostProvider: ProviderName | undefined = host ? providerForHost(host) : undefined;
  if (f.upstreamModel.endsWith(':free')) return { tier: 'free', because: 'the model id ends in ":free"' };
  if (f.prefix === 'huggingface' || hostProvider === 'huggingface') return { tier: 'free', because: "Hugging Face's router (monthly free credits)" };
  if (SELF_HOSTED_PREFIXES.has(f.prefix)) return { tier: 'internal', because: `"${f.prefix}/" is a self-hosted model server` };
  if (host && isPrivateHost(host)) return { tier: 'internal', because: `api_base host ${host} is on the operator's own network` };
  if (url?.port === OLLAMA_PORT) return { tier: 'internal', because: `api_base port ${OLLAMA_PORT} is Ollama's` };
  if (host && host.split('.').some((label) => label.includes('free'))) return { tier: 'free', because: `api_base host ${host} names a free service` };
  const provider = hostProvider ?? (url && f.prefix === 'openai' ? undefined : f.prefix);
  if (provider && AGGREGATORS.has(provider)) return { tier: 'premium', because: `${provider} is a paid aggregator` };
  if (provider && DIRECT_PROVIDERS.has(provider)) return { tier: 'direct', because: `${provider}'s own API on the operator's key` };
  return undefined;
}

/**
 * The tier of a deployment without `model_info.rainymodel_tier`. Facts first (the model id, the provider,
 * the api_base host and port), then the author's description ("free", "Ollama"), then premium: an
 * endpoint nothing tells about is treated as paid and tried last.
 */
export function inferTier(f: TierFacts): InferredTier {
  const url = parseBase(f.apiBase);
  const fromFacts = tierFromFacts(f, url);
  if (fromFacts) return fromFacts;
  const description = f.description ?? '';
  if (SAYS_FREE.test(description)) return { tier: 'free', because: 'its description says "free"' };
  if (SAYS_SELF_HOSTED.test(description)) return { tier: 'internal', because: 'its description names a self-hosted model server' };
  return { tier: 'premium', because: 'nothing tells its tier (treated as paid: set model_info.rainymodel_tier)' };
}

/** A label for x-rainymodel-upstream, metrics and logs when the config names no provider. */
export function providerLabel(f: TierFacts): string {
  const url = parseBase(f.apiBase);
  const byHost = url ? providerForHost(url.hostname) : undefined;
  if (byHost) return byHost;
  if (f.prefix === 'openai' && url && (url.port === OLLAMA_PORT || /\bollama\b/i.test(f.description ?? ''))) return 'ollama';
  return f.prefix;
}
