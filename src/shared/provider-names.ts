// Which provider a deployment belongs to when `litellm_params.model` carries no `provider/` prefix, the
// hosts each provider answers on, and each provider's conventional key variables. The compiler (validate
// rules) and the proxy (routing a bare name, warning at load) share this one table.
//
// The rules follow LiteLLM 1.81.13 (litellm_core_utils/get_llm_provider_logic.py and its model price map),
// read, not copied:
//   1. a `provider/` prefix LiteLLM knows wins;
//   2. otherwise an api_base on a known OpenAI-compatible host picks that host's provider (api.deepseek.com,
//      api.mistral.ai, api.groq.com, ...);
//   3. otherwise the bare name is looked up in LiteLLM's model lists: GPT / o-series / embedding / image /
//      audio names go to openai, listed claude-* names to anthropic, listed gemini-* names to **vertex_ai**
//      (not Google AI Studio), command-* to cohere. Names LiteLLM does not list (grok-*, deepseek-*,
//      mistral-*, an unlisted claude-*) make LiteLLM refuse the deployment ("LLM Provider NOT provided").
// RainyModel routes every family to the provider whose name it carries (gemini-* to Google AI Studio, the
// provider a GEMINI_API_KEY belongs to); `litellmProvider` says what a stock LiteLLM would do instead, so
// `validate` can say where the two differ and the compiler can write the explicit prefix.

export type ProviderName =
  | 'openai'
  | 'anthropic'
  | 'gemini'
  | 'xai'
  | 'deepseek'
  | 'mistral'
  | 'cohere'
  | 'groq'
  | 'openrouter'
  | 'huggingface'
  | 'together_ai'
  | 'fireworks_ai'
  | 'perplexity'
  | 'azure'
  | 'cerebras'
  | 'ollama';

/** Environment variables each provider's key conventionally lives in (the ones LiteLLM itself reads first). */
export const PROVIDER_KEY_VARIABLES: Readonly<Record<ProviderName, readonly string[]>> = {
  openai: ['OPENAI_API_KEY'],
  anthropic: ['ANTHROPIC_API_KEY'],
  gemini: ['GEMINI_API_KEY', 'GOOGLE_API_KEY'],
  xai: ['XAI_API_KEY'],
  deepseek: ['DEEPSEEK_API_KEY'],
  mistral: ['MISTRAL_API_KEY'],
  cohere: ['COHERE_API_KEY', 'CO_API_KEY'],
  groq: ['GROQ_API_KEY'],
  openrouter: ['OPENROUTER_API_KEY'],
  huggingface: ['HF_TOKEN', 'HUGGINGFACE_API_KEY'],
  together_ai: ['TOGETHERAI_API_KEY', 'TOGETHER_API_KEY'],
  fireworks_ai: ['FIREWORKS_AI_API_KEY', 'FIREWORKS_API_KEY'],
  perplexity: ['PERPLEXITYAI_API_KEY', 'PERPLEXITY_API_KEY'],
  azure: ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY'],
  cerebras: ['CEREBRAS_API_KEY'],
  ollama: ['OLLAMA_API_KEY'],
};

/** Hosts a provider's own API answers on (a suffix match: `eu.api.openai.com` is OpenAI too). */
const PROVIDER_HOSTS: ReadonlyArray<readonly [string, ProviderName]> = [
  ['api.openai.com', 'openai'],
  ['api.anthropic.com', 'anthropic'],
  ['generativelanguage.googleapis.com', 'gemini'],
  ['api.x.ai', 'xai'],
  ['api.deepseek.com', 'deepseek'],
  ['api.mistral.ai', 'mistral'],
  ['codestral.mistral.ai', 'mistral'],
  ['api.cohere.com', 'cohere'],
  ['api.cohere.ai', 'cohere'],
  ['api.groq.com', 'groq'],
  ['openrouter.ai', 'openrouter'],
  ['router.huggingface.co', 'huggingface'],
  ['api-inference.huggingface.co', 'huggingface'],
  ['api.together.xyz', 'together_ai'],
  ['api.fireworks.ai', 'fireworks_ai'],
  ['api.perplexity.ai', 'perplexity'],
  ['openai.azure.com', 'azure'],
  ['api.cerebras.ai', 'cerebras'],
  ['ollama.com', 'ollama'],
];

/** The provider whose API a host belongs to, or undefined for a host of no known provider. */
export function providerForHost(host: string): ProviderName | undefined {
  const h = host.toLowerCase().replace(/\.$/, '');
  for (const [suffix, provider] of PROVIDER_HOSTS) {
    if (h === suffix || h.endsWith(`.${suffix}`)) return provider;
  }
  return undefined;
}

interface NameFamily {
  pattern: RegExp;
  provider: ProviderName;
  /** What LiteLLM 1.81.13 picks for a bare name of this family (undefined: it refuses the deployment). */
  litellm?: string;
  what: string;
}

// Order matters: the first family whose pattern matches wins.
const NAME_FAMILIES: readonly NameFamily[] = [
  { pattern: /^ft:gpt-/, provider: 'openai', litellm: 'openai', what: 'an OpenAI fine-tune' },
  { pattern: /^(gpt-3\.5-turbo-instruct|babbage-002|davinci-002)/, provider: 'openai', litellm: 'text-completion-openai', what: 'an OpenAI text-completion model' },
  { pattern: /^(gpt-|chatgpt-|codex-)/, provider: 'openai', litellm: 'openai', what: 'an OpenAI GPT model' },
  { pattern: /^o\d+(-|$)/, provider: 'openai', litellm: 'openai', what: 'an OpenAI o-series model' },
  {
    pattern: /^(text-embedding-|text-moderation-|omni-moderation-|dall-e-|whisper-|tts-|sora-)/,
    provider: 'openai',
    litellm: 'openai',
    what: 'an OpenAI embedding, moderation, image or audio model',
  },
  { pattern: /^claude-/, provider: 'anthropic', litellm: 'anthropic', what: 'an Anthropic Claude model' },
  { pattern: /^gemini-/, provider: 'gemini', litellm: 'vertex_ai', what: 'a Google Gemini model' },
  { pattern: /^grok-/, provider: 'xai', what: 'an xAI Grok model' },
  { pattern: /^deepseek-/, provider: 'deepseek', what: 'a DeepSeek model' },
  {
    pattern: /^(mistral-|open-mistral-|open-mixtral-|codestral-|magistral-|devstral-|ministral-|pixtral-)/,
    provider: 'mistral',
    what: 'a Mistral model',
  },
  { pattern: /^(command-|command$|embed-(english|multilingual)-|rerank-)/, provider: 'cohere', litellm: 'cohere', what: 'a Cohere model' },
];

export interface BareModelProvider {
  provider: ProviderName;
  /** What a stock LiteLLM 1.81.13 picks for the same deployment; undefined when it refuses it. */
  litellmProvider?: string;
  /** Why, for messages: `api_base host api.groq.com` or `claude-* is an Anthropic Claude model`. */
  because: string;
}

/**
 * The provider of a deployment whose `model` has no `provider/` prefix: the api_base's host first (as
 * LiteLLM does), then the name's family. Undefined when neither says (LiteLLM refuses such a deployment;
 * `rmctl serve` keeps its historical reading, an OpenAI-compatible endpoint).
 */
export function providerForBareModel(model: string, apiBase?: string): BareModelProvider | undefined {
  if (apiBase) {
    let host: string | undefined;
    try {
      host = new URL(apiBase).hostname;
    } catch {
      host = undefined;
    }
    const byHost = host ? providerForHost(host) : undefined;
    if (byHost) return { provider: byHost, litellmProvider: byHost, because: `api_base host ${host}` };
  }
  const name = model.toLowerCase();
  for (const family of NAME_FAMILIES) {
    if (family.pattern.test(name)) {
      return { provider: family.provider, litellmProvider: family.litellm, because: `"${model}" is ${family.what}` };
    }
  }
  return undefined;
}

/** Providers whose conventional key variable `variable` is (usually one; empty for a variable of no provider). */
export function providersOfKeyVariable(variable: string): ProviderName[] {
  const out: ProviderName[] = [];
  for (const [provider, names] of Object.entries(PROVIDER_KEY_VARIABLES) as Array<[ProviderName, readonly string[]]>) {
    if (names.includes(variable)) out.push(provider);
  }
  return out;
}

/**
 * A message when a deployment's key comes from another provider's conventional variable (ANTHROPIC_API_KEY
 * on an OpenAI deployment), else undefined. `provider` is the provider the deployment is sent to.
 */
export function keyVariableMismatch(variable: string, provider: string): string | undefined {
  const owners = providersOfKeyVariable(variable);
  if (owners.length === 0 || owners.includes(provider as ProviderName)) return undefined;
  const expected = (PROVIDER_KEY_VARIABLES as Record<string, readonly string[] | undefined>)[provider];
  const fix = expected ? ` (${provider}'s key is conventionally ${expected.join(' or ')})` : '';
  return `its key comes from ${variable}, ${owners.join('/')}'s key variable, but the deployment is sent to ${provider}${fix}`;
}
