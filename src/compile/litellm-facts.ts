// The LiteLLM facts as a checker: does a compiled config load whole in a stock LiteLLM (1.81+) and mean
// there what it means in `rmctl serve`? A JSON Schema of what LiteLLM's typed fields accept
// (schemas/litellm-accepts.schema.json, through the one schema registry) plus the semantic conditions no schema can say. Pure: the caller
// passes the parsed config (and, optionally, the environment to check the master key against).
import type { CompiledConfig, Deployment } from '../shared/compiled-config.js';
import { isUnset, type Env } from '../shared/env.js';
import { schemaProblems } from '../shared/schema-diagnostics.js';

export interface LitellmFinding {
  /** A stable name for the fact that does not hold. */
  fact: string;
  /** JSON pointer into the config. */
  pointer: string;
  message: string;
}

export function checkLitellmFacts(config: CompiledConfig, env?: Env): LitellmFinding[] {
  const findings: LitellmFinding[] = [];
  for (const p of schemaProblems('litellm-accepts', config, { unknownKeys: 'error' })) findings.push({ fact: 'accepted-shape', pointer: p.pointer, message: p.message });
  findings.push(...noBracedReferences(config), ...orderNeedsPreCallChecks(config), ...consistentWeights(config));
  findings.push(...fallbackTargetsExist(config), ...uniqueIds(config), ...masterKeySet(config, env));
  return findings;
}

/** LiteLLM expands no `${...}`: anywhere it reads, such text is used literally. */
function noBracedReferences(config: CompiledConfig): LitellmFinding[] {
  const out: LitellmFinding[] = [];
  const walk = (v: unknown, pointer: string) => {
    if (typeof v === 'string') {
      if (v.includes('${')) out.push({ fact: 'no-braced-env', pointer, message: `${pointer}: ${JSON.stringify(v)} contains \${...}, which LiteLLM uses as literal text` });
    } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${pointer}/${i}`));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
  };
  for (const key of ['model_list', 'router_settings', 'litellm_settings', 'general_settings', 'environment_variables']) walk(config[key], `/${key}`);
  return out;
}

function orderNeedsPreCallChecks(config: CompiledConfig): LitellmFinding[] {
  const i = config.model_list.findIndex((d) => d.litellm_params.order !== undefined);
  if (i < 0 || config.router_settings?.enable_pre_call_checks === true) return [];
  return [{ fact: 'order-needs-pre-call-checks', pointer: `/model_list/${i}/litellm_params/order`, message: 'deployments have an order but router_settings.enable_pre_call_checks is not true: LiteLLM ignores the order' }];
}

function groups(config: CompiledConfig): Map<string, Array<{ d: Deployment; i: number }>> {
  const out = new Map<string, Array<{ d: Deployment; i: number }>>();
  config.model_list.forEach((d, i) => {
    const list = out.get(d.model_name) ?? [];
    list.push({ d, i });
    out.set(d.model_name, list);
  });
  return out;
}

/**
 * simple-shuffle weighs by `weight`, else `rpm`, else `tpm`, as found on the first healthy deployment, and
 * gives 0 to deployments without that key: within a group the key must be on all or none.
 */
function consistentWeights(config: CompiledConfig): LitellmFinding[] {
  const strategy = config.router_settings?.routing_strategy ?? 'simple-shuffle';
  if (strategy !== 'simple-shuffle') return [];
  const out: LitellmFinding[] = [];
  for (const [name, members] of groups(config)) {
    if (members.length < 2) continue;
    for (const key of ['weight', 'rpm', 'tpm'] as const) {
      const without = members.filter(({ d }) => d.litellm_params[key] === undefined);
      if (without.length === members.length) continue;
      const first = without[0];
      if (first) {
        out.push({
          fact: 'weights-consistent',
          pointer: `/model_list/${first.i}/litellm_params`,
          message: `group "${name}": ${members.length - without.length} of ${members.length} deployments have ${key}; LiteLLM would give the others weight 0`,
        });
      }
      break; // the first key present decides; the later ones are not read
    }
  }
  return out;
}

/** A fallback names a model_name, a model_group_alias or a model_info.id that exists. */
function fallbackTargetsExist(config: CompiledConfig): LitellmFinding[] {
  const known = new Set(config.model_list.map((d) => d.model_name));
  for (const d of config.model_list) if (d.model_info?.id) known.add(d.model_info.id);
  for (const alias of Object.keys(config.router_settings?.model_group_alias ?? {})) known.add(alias);
  const out: LitellmFinding[] = [];
  const r = config.router_settings ?? {};
  for (const key of ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'] as const) {
    (r[key] ?? []).forEach((entry, i) => {
      for (const [from, targets] of Object.entries(entry)) {
        for (const name of [from, ...targets]) {
          if (!known.has(name)) out.push({ fact: 'fallback-targets-exist', pointer: `/router_settings/${key}/${i}`, message: `${key} names "${name}", which is no model_name, alias or id` });
        }
      }
    });
  }
  for (const name of r.default_fallbacks ?? []) {
    if (!known.has(name)) out.push({ fact: 'fallback-targets-exist', pointer: '/router_settings/default_fallbacks', message: `default_fallbacks names "${name}", which is no model_name, alias or id` });
  }
  for (const [alias, target] of Object.entries(r.model_group_alias ?? {})) {
    if (!known.has(target)) out.push({ fact: 'fallback-targets-exist', pointer: `/router_settings/model_group_alias/${alias}`, message: `model_group_alias "${alias}" names "${target}", which is no model_name` });
  }
  return out;
}

function uniqueIds(config: CompiledConfig): LitellmFinding[] {
  const seen = new Set<string>();
  const out: LitellmFinding[] = [];
  config.model_list.forEach((d, i) => {
    const id = d.model_info?.id;
    if (id === undefined) return;
    if (seen.has(id)) out.push({ fact: 'unique-ids', pointer: `/model_list/${i}/model_info/id`, message: `model_info.id "${id}" is used twice: LiteLLM keeps one` });
    seen.add(id);
  });
  return out;
}

/** `master_key: os.environ/VAR` with VAR unset or empty means no authentication at all in LiteLLM. */
function masterKeySet(config: CompiledConfig, env: Env | undefined): LitellmFinding[] {
  const key = config.general_settings?.master_key;
  const name = typeof key === 'string' ? /^os\.environ\/(.+)$/.exec(key)?.[1] : undefined;
  if (!env || !name || !isUnset(env[name])) return [];
  return [{ fact: 'master-key-set', pointer: '/general_settings/master_key', message: `master_key reads ${name}, which is not set: LiteLLM would run without authentication` }];
}
