// Step 4b: semantic rules over the normalized model and its resolved routing: provider URLs, environment,
// secrets (and the file scan for them), fallback cycles, policies, router settings. Each is a small named
// function that reports what it finds; rule-list.ts lists them with their codes and fixes.
import { envReferences, isUnset, withDefaults, wholeEnvReference } from '../shared/env.js';
import type { Origin } from './model.js';
import type { Diagnostic } from '../shared/diagnostics.js';
import type { StringVisit } from '../shared/yaml-document.js';
import { locate, type SourceDocument } from '../shared/yaml-source.js';
import { joinPointer } from '../shared/json-pointer.js';
import type { Rule } from './rule.js';

const LOCAL_SERVER_TYPES = new Set(['ollama', 'llama_cpp', 'vllm', 'openai_compatible']);

/** Provider base URLs: present where needed, parseable, and Ollama's without the OpenAI `/v1` suffix. */
export const providerBaseUrls: Rule = ({ model, reporter }) => {
  for (const p of model.providers.values()) {
    if (!p.active) continue;
    const at: Origin = { file: p.origin.file, pointer: joinPointer(p.origin.pointer, 'base_url') };
    if (!p.baseUrl) {
      if (LOCAL_SERVER_TYPES.has(p.type)) {
        reporter.error('provider/missing-base-url', p.origin, `provider "${p.key}" (${p.type}) needs a base_url`, 'e.g. base_url: ${OLLAMA_BASE_URL:-http://127.0.0.1:11434}');
      }
      continue;
    }
    const concrete = withDefaults(p.baseUrl);
    // A URL that is only `${VAR}` cannot be checked until deploy time.
    if (envReferences(p.baseUrl).length > 0 && !/^[a-z]+:\/\//i.test(concrete)) continue;
    let url: URL | undefined;
    try {
      url = new URL(concrete);
    } catch {
      reporter.error('provider/bad-url', at, `base_url ${JSON.stringify(p.baseUrl)} of provider "${p.key}" is not a URL`, 'write it as http://host:port');
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      reporter.error('provider/bad-url', at, `base_url of provider "${p.key}" must be http or https, not ${url.protocol}`);
    }
    if (url.protocol === 'https:' && isLoopbackHost(url.hostname)) {
      reporter.warn(
        'provider/https-loopback',
        at,
        `base_url of provider "${p.key}" is https:// on a loopback address (${url.hostname}): local model servers speak plain http, so every call would fail the TLS handshake`,
        `write http://${url.host}${url.pathname === '/' ? '' : url.pathname}`,
      );
    }
    if (p.type === 'ollama' && /\/v1\/?$/.test(url.pathname)) {
      reporter.warn(
        'provider/ollama-v1-suffix',
        at,
        `base_url of ollama provider "${p.key}" ends in /v1: Ollama's native API lives at the root (LiteLLM would call /v1/api/chat and get 404)`,
        'remove the /v1 suffix (the compiled api_base drops it)',
      );
    }
  }
};

function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || /^127\./.test(host) || host === '[::1]' || host === '0.0.0.0';
}

/** Environment variables the config needs at deploy/serve time must be set (or have a default). */
export const unsetEnvironment: Rule = ({ model, routing, env, strict, reporter }) => {
  const used = new Set(routing.groups.flatMap((g) => g.deployments.map((d) => d.provider.key)));
  for (const pt of routing.patterns) for (const d of pt.deployments) used.add(d.provider.key);
  const check = (name: string, origin: Origin, what: string, secret: boolean) => {
    if (!isUnset(env[name])) return;
    reporter.report(
      strict ? 'error' : 'warning',
      'env/unset',
      origin,
      `environment variable ${name} (${what}) is not set${env[name] === '' ? ' (it is empty, which counts as unset)' : ''}`,
      // A key has no default: it is written os.environ/NAME, which LiteLLM reads with none.
      secret ? `export ${name}=... where the proxy runs` : `export ${name}=... where the proxy runs, or give a default: \${${name}:-value}`,
    );
  };
  for (const p of model.providers.values()) {
    if (!used.has(p.key)) continue;
    for (const name of p.credentials) check(name, p.credentialOrigins.get(name) ?? p.origin, `key of provider "${p.key}"`, true);
    if (p.baseUrl) {
      for (const ref of envReferences(p.baseUrl)) {
        if (ref.fallback === undefined) check(ref.name, { file: p.origin.file, pointer: joinPointer(p.origin.pointer, 'base_url') }, `base_url of provider "${p.key}"`, false);
      }
    }
  }
  // The master key has its own rule (masterKeyUnset): unset, it means no authentication in LiteLLM.
  for (const ref of model.server.keys) {
    const name = wholeEnvReference(ref.name);
    if (name) check(name, ref.origin, 'a client key of the proxy', true);
  }
};

/** Secrets are referenced by environment-variable name, never written in a file. */
export const literalSecrets: Rule = ({ model, reporter, flagged }) => {
  const flag = (origin: Origin, what: string) => {
    if (flagged.has(`${origin.file}#${origin.pointer}`)) return;
    reporter.error('secret/literal', origin, `${what} looks like a literal secret: files are committed and copied, keys must not be in them`, SECRET_HINT);
  };
  for (const p of model.providers.values()) if (p.literalKey) flag(p.literalKey.origin, `api_key of provider "${p.key}"`);
  for (const ref of [...(model.server.masterKey ? [model.server.masterKey] : []), ...model.server.keys]) {
    if (!wholeEnvReference(ref.name)) flag(ref.origin, 'this client key');
  }
};

const SECRET_HINT = 'put the key in an environment variable and reference it by name (api_keys: [NAME], or os.environ/NAME)';

/**
 * Values that look like keys anywhere in a file. Runs on every parsed file, even one with schema errors:
 * a leaked key must be reported whatever else is wrong.
 */
export function scanLiteralSecrets(source: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = [];
  const visit: StringVisit = (pointer, key, value) => {
    if (!looksLikeSecret(key, value)) return;
    const pos = locate(source, pointer);
    out.push({
      code: 'secret/literal',
      severity: 'error',
      message: `the value of "${key}" looks like a literal secret: files are committed and copied, keys must not be in them`,
      file: source.file,
      line: pos.line,
      col: pos.col,
      pointer,
      hint: SECRET_HINT,
    });
  };
  // From the plain value when the file parsed, from the document's nodes when it did not: a secret in a
  // broken file is still reported.
  source.eachString(visit);
  return out;
}

const SECRET_SHAPES = [
  /^sk-(ant-|proj-|or-|rm-)?[A-Za-z0-9_-]{20,}$/,
  /^hf_[A-Za-z0-9]{20,}$/,
  /^AIza[0-9A-Za-z_-]{30,}$/,
  /^xai-[A-Za-z0-9]{20,}$/,
  /^gsk_[A-Za-z0-9]{20,}$/,
  /^gh[pousr]_[A-Za-z0-9]{30,}$/,
];
const SECRET_KEY_NAMES = /(^|_)(api_?key|token|secret|password|master_key)$/i;

function looksLikeSecret(key: string, value: string): boolean {
  if (SECRET_SHAPES.some((re) => re.test(value))) return true;
  if (!SECRET_KEY_NAMES.test(key) || envReferences(value).length > 0) return false;
  // A long random-looking value under a key that names a secret.
  return value.length >= 16 && /[0-9]/.test(value) && /[A-Za-z]/.test(value) && !/\s/.test(value);
}

/**
 * Fallback graphs must be acyclic: a cycle makes a failing request bounce between groups until
 * max_fallbacks stops it. Mutual fallbacks (a -> b -> a) are reported first, each on its own; longer
 * cycles are then reported once per back edge of a depth-first walk over the remaining edges, so every
 * reported cycle has an edge to remove and the list stays short.
 */
export const fallbackCycles: Rule = ({ routing, reporter }) => {
  const edges = new Map<string, Array<{ to: string; origin: Origin; removed: boolean }>>();
  for (const f of routing.fallbacks) {
    const list = edges.get(f.from) ?? [];
    for (const t of f.targets) list.push({ to: t.name, origin: t.origin, removed: false });
    edges.set(f.from, list);
  }
  const report = (cycle: string[], origin: Origin) => {
    const from = cycle[cycle.length - 1];
    reporter.error(
      'route/fallback-cycle',
      origin,
      `fallback cycle: ${[...cycle, cycle[0]].join(' -> ')}`,
      `remove "${cycle[0]}" from the fallbacks of "${from}" (or break the cycle elsewhere)`,
    );
  };
  for (const [a, list] of edges) {
    for (const e of list) {
      if (e.removed || e.to === a) continue;
      const back = edges.get(e.to)?.find((x) => x.to === a && !x.removed);
      if (!back) continue;
      // Only the edge the hint names counts as removed: the other still takes part in longer cycles,
      // which must be reported now rather than after the user has fixed this one.
      back.removed = true;
      report([a, e.to], back.origin);
    }
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const e of edges.get(node) ?? []) {
      if (e.removed) continue;
      const s = state.get(e.to);
      if (s === 'open') report(stack.slice(stack.indexOf(e.to)), e.origin);
      else if (s === undefined) visit(e.to);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of edges.keys()) if (!state.has(node)) visit(node);
};

/** The default policy must exist, and every alias must be reachable under each policy. */
export const policies: Rule = ({ model, routing, reporter }) => {
  const names = Object.keys(model.policies);
  if (!model.policies[model.defaultPolicy.name]) {
    reporter.error('policy/unknown', model.defaultPolicy.origin, `default_policy "${model.defaultPolicy.name}" is not a policy`, `one of: ${names.join(', ')}`);
  }
  for (const g of routing.groups) {
    for (const [policy, tiers] of Object.entries(model.policies)) {
      if (!g.deployments.some((d) => tiers.includes(d.tier))) {
        reporter.warn(
          'policy/unreachable',
          g.origin,
          `under the "${policy}" policy (${tiers.join(', ')}), "${g.name}" has no deployment: such requests get 503`,
          `add a deployment of a tier the policy uses, or add its tier (${[...new Set(g.deployments.map((d) => d.tier))].join(', ')}) to the policy`,
        );
      }
    }
  }
};

/** Router settings that contradict each other. */
export const routerSettings: Rule = ({ model, reporter, sources }) => {
  const r = model.router;
  const file = sources[1]?.file ?? '';
  if (r.timeout !== undefined && r.stream_timeout !== undefined && r.stream_timeout > r.timeout) {
    reporter.warn('router/stream-timeout', { file, pointer: '/router/stream_timeout' }, `stream_timeout (${r.stream_timeout}s) is longer than timeout (${r.timeout}s): it can never fire`);
  }
  if (model.cache?.type === 'redis' && !model.cache.host && !r.redis_host) {
    reporter.error('cache/no-redis', { file, pointer: '/cache' }, 'cache.type is redis but no Redis host is configured', 'set cache.host or router.redis_host');
  }
  if (model.fleet && !r.redis_host && model.cache?.type !== 'redis') {
    reporter.warn('effect/none', { file, pointer: '/fleet' }, 'fleet has no effect without Redis: replicas share nothing', 'set router.redis_host (every rmctl serve replica points at the same Redis)');
  }
};
