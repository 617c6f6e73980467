// Rules for what a stock LiteLLM does with the compiled file (../shared/reference/litellm-config.md,
// "Measured"): where RainyModel's meaning cannot be written so that LiteLLM does the same, say so
// (`effect/...`) instead of letting the two proxies silently disagree.
import { envReferences, isUnset, soleEnvReference, withDefaults, wholeEnvReference } from '../shared/env.js';
import { keyVariableMismatch, providerForHost } from '../shared/provider-names.js';
import type { Origin, Provider } from './model.js';
import { deploymentOrders } from './order.js';
import { joinPointer } from '../shared/json-pointer.js';
import type { Rule } from './rule.js';

/** Types whose api_base LiteLLM calls at the OpenAI-style `/v1` root. */
const V1_ROOT_TYPES = new Set(['llama_cpp', 'vllm', 'openai_compatible', 'openai']);

/**
 * LiteLLM expands no `${...}`. Non-secret values are written concretely (the default at generate, the
 * deploy value at apply), secrets as `os.environ/VAR`: what that cannot express is reported here.
 */
export const litellmEnvValues: Rule = ({ model, reporter, sources }) => {
  const mappingsFile = sources[1]?.file ?? '';
  const plain = (value: string | number | undefined, at: Origin, what: string) => {
    if (typeof value !== 'string' || wholeEnvReference(value)) return;
    const bare = envReferences(value).find((r) => r.fallback === undefined);
    if (!bare) return;
    reporter.error(
      'effect/env-in-text',
      at,
      `${what} ${JSON.stringify(value)} uses \${${bare.name}} inside longer text with no default: LiteLLM expands no \${...}, and rmctl generate cannot write a value for it`,
      `give it a default (\${${bare.name}:-...}) or make the variable the whole value`,
    );
  };
  const secret = (value: string | undefined, at: Origin, what: string) => {
    if (value === undefined) return;
    const ref = soleEnvReference(value);
    if (ref?.fallback !== undefined) {
      reporter.warn(
        'effect/env-default-ignored',
        at,
        `${what}: the default of ${JSON.stringify(value)} is not used: a secret is written as os.environ/${ref.name}, which has no default`,
        `set ${ref.name} where the proxy runs, and write \${${ref.name}}`,
      );
    }
  };
  for (const p of model.providers.values()) {
    if (!p.active || !p.baseUrl) continue;
    const at = { file: p.origin.file, pointer: joinPointer(p.origin.pointer, 'base_url') };
    plain(p.baseUrl, at, `base_url of provider "${p.key}"`);
    wholeVariableBase(p, at, reporter);
  }
  const r = model.router;
  plain(r.redis_host, { file: mappingsFile, pointer: '/router/redis_host' }, 'router.redis_host');
  plain(r.redis_port, { file: mappingsFile, pointer: '/router/redis_port' }, 'router.redis_port');
  secret(r.redis_password, { file: mappingsFile, pointer: '/router/redis_password' }, 'router.redis_password');
  if (model.cache) {
    plain(model.cache.host, { file: mappingsFile, pointer: '/cache/host' }, 'cache.host');
    plain(model.cache.port, { file: mappingsFile, pointer: '/cache/port' }, 'cache.port');
    secret(model.cache.password, { file: mappingsFile, pointer: '/cache/password' }, 'cache.password');
  }
  if (model.server.masterKey) secret(model.server.masterKey.name, model.server.masterKey.origin, 'server.master_key');
};

/** `base_url: ${VAR}` alone is written `os.environ/VAR` by generate: LiteLLM then uses the value as it is. */
function wholeVariableBase(p: Provider, at: Origin, reporter: Parameters<Rule>[0]['reporter']): void {
  const name = wholeEnvReference(p.baseUrl ?? '');
  if (!name) return;
  const shape = V1_ROOT_TYPES.has(p.type) ? 'end in /v1' : p.type === 'ollama' || p.type === 'anthropic' ? 'not end in /v1' : undefined;
  if (!shape) return;
  reporter.info(
    'effect/env-url-as-is',
    at,
    `base_url of provider "${p.key}" is only \${${name}}: rmctl generate writes os.environ/${name}, which LiteLLM uses unchanged, so its value must ${shape} (rmctl apply writes the value itself, corrected)`,
    `or give a default: \${${name}:-http://host:port}`,
  );
}

/** LiteLLM honours `order` only with `router_settings.enable_pre_call_checks: true`. */
export const orderNeedsPreCallChecks: Rule = ({ model, routing, reporter, sources }) => {
  if (model.router.enable_pre_call_checks !== false) return;
  const ordered = routing.groups.filter((g) => deploymentOrders(model, g).some((o) => o !== undefined));
  if (ordered.length === 0) return;
  reporter.warn(
    'effect/order-ignored',
    { file: sources[1]?.file ?? '', pointer: '/router/enable_pre_call_checks' },
    `enable_pre_call_checks: false makes a stock LiteLLM ignore the tier order of ${ordered.length} group(s) (${ordered
      .slice(0, 3)
      .map((g) => g.name)
      .join(', ')}${ordered.length > 3 ? ', ...' : ''}): it would pick any of their deployments; rmctl serve still follows the order`,
    'remove enable_pre_call_checks: false (the compiler turns it on where order matters)',
  );
};

/**
 * Measured on LiteLLM 1.81.13: with `order`, a request stays on the group's first rank (its retries go to
 * the same deployments) and a lower rank takes over only once every deployment above it is cooled down
 * (`allowed_fails` failures in a minute). The first failing requests therefore reach the client, and a rank
 * whose deployments all fail may never hand over. rmctl serve falls through per request. One note for all
 * such groups, so the difference is said once, not hidden.
 */
export const tierFallthrough: Rule = ({ model, routing, reporter }) => {
  const ranked = routing.groups.filter((g) => new Set(deploymentOrders(model, g).filter((o) => o !== undefined)).size > 1);
  if (ranked.length === 0) return;
  const names = ranked.slice(0, 3).map((g) => g.name).join(', ') + (ranked.length > 3 ? `, ... (${ranked.length} groups)` : '');
  reporter.info(
    'effect/tier-fallthrough',
    ranked[0]!.origin,
    `in a stock LiteLLM a request for ${names} stays on the group's first tier: its retries go to the same deployments, and ${model.router.disable_cooldowns === true ? 'the next tier never takes over (cooldowns are disabled)' : `the next tier takes over only after those are cooled down (allowed_fails: ${model.router.allowed_fails} a minute), so the first failing requests reach the client`}; rmctl serve falls through to the next tier within the request`,
    'to fall through per request in LiteLLM too, give each tier its own group and chain them with fallbacks',
  );
};

/** An unset master-key variable: LiteLLM then runs with no authentication at all. */
export const masterKeyUnset: Rule = ({ model, env, strict, reporter }) => {
  const mk = model.server.masterKey;
  if (!mk) return;
  const name = wholeEnvReference(mk.name) ?? envReferences(mk.name)[0]?.name;
  if (!name || !isUnset(env[name])) return;
  reporter.report(
    strict ? 'error' : 'warning',
    'auth/master-key-unset',
    mk.origin,
    `the master key variable ${name} is not set${env[name] === '' ? ' (it is empty)' : ''}: a stock LiteLLM would then accept every request without authentication (rmctl serve refuses to start)`,
    `export ${name}=sk-... where the proxy runs (LiteLLM wants it to start with sk-)`,
  );
};

/** A per-group strategy: rmctl serve honours it, LiteLLM has one router-wide strategy. */
export const groupStrategies: Rule = ({ model, routing, reporter }) => {
  for (const g of routing.groups) {
    if (!g.strategy || g.strategy === model.router.routing_strategy) continue;
    reporter.info(
      'effect/group-strategy',
      g.origin,
      `"${g.name}" asks for ${g.strategy}: rmctl serve uses it, a stock LiteLLM uses router.routing_strategy (${model.router.routing_strategy}) for every group`,
    );
  }
};

const TYPE_PROVIDER: Partial<Record<Provider['type'], string>> = {
  openai: 'openai',
  anthropic: 'anthropic',
  gemini: 'gemini',
  deepseek: 'deepseek',
  xai: 'xai',
  openrouter: 'openrouter',
  huggingface: 'huggingface',
};

/**
 * A key from another provider's conventional variable (type anthropic, key OPENAI_API_KEY): the upstream
 * answers 401, or worse, a key is sent where it does not belong. The provider is the type's, or for an
 * OpenAI-compatible server the one its host belongs to (api.groq.com -> groq); shared/provider-names has
 * the table `rmctl serve` uses too.
 */
export const keyVariableProvider: Rule = ({ model, reporter }) => {
  for (const p of model.providers.values()) {
    if (!p.active || p.credentials.length === 0) continue;
    let target = TYPE_PROVIDER[p.type];
    if (!target && p.baseUrl) {
      try {
        target = providerForHost(new URL(withDefaults(p.baseUrl)).hostname);
      } catch {
        // not a URL: providerBaseUrls reports it
      }
    }
    if (!target) continue;
    for (const variable of p.credentials) {
      const mismatch = keyVariableMismatch(variable, target);
      if (mismatch) reporter.warn('provider/key-mismatch', p.credentialOrigins.get(variable) ?? p.origin, `provider "${p.key}": ${mismatch}`, 'check that the variable holds a key for this provider, or rename it');
    }
  }
};
