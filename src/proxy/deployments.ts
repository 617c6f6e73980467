// One compiled deployment -> one runtime deployment: its adapter (the provider LiteLLM would pick for a
// bare model name included), tier, id, limits, timeouts, shared upstream pool, and why it is disabled if
// it is. Builds are pure but for the pools, which are shared per origin through the DeploymentBuilder.
import type { Pool } from 'undici';
import { tierOf, type Deployment, type Tier } from '../shared/compiled-config.js';
import { keyVariableMismatch, providerForBareModel } from '../shared/provider-names.js';
import { createPool, type ConnectRule } from './connect-to.js';
import type { MissingEnv } from './env.js';
import { getAdapter } from './providers/index.js';
import type { AdapterDeployment, ProviderAdapter } from './providers/types.js';
import type { DeploymentState, StateStore } from './state.js';
import { destinationProvider, inferTier, providerLabel } from './tiering.js';

export interface RuntimeDeployment {
  id: string;
  modelName: string;
  prefix: string;
  upstreamModel: string;
  /** Label for x-rainymodel-upstream, logs and per-provider metrics. */
  provider: string;
  tier: Tier;
  /** How the tier was decided: `model_info.rainymodel_tier`, or the inference rule that gave it. */
  tierSource: string;
  /** True when the config stated the tier; false when it was inferred (see tiering.ts). */
  tierStated: boolean;
  order: number;
  /** Position of the deployment in model_list (its template list, for a pattern route). */
  fileIndex: number;
  weight: number;
  costPerToken: number;
  rpm?: number;
  tpm?: number;
  maxParallel?: number;
  timeoutMs: number;
  streamTimeoutMs: number;
  cooldownMs: number;
  /** Why this deployment is never used (unsupported provider prefix, unset key variable, ...). */
  disabledReason?: string;
  adapter?: ProviderAdapter;
  adapterDeployment: AdapterDeployment;
  pool?: Pool;
  origin: string;
  apiBase: string;
  state: DeploymentState;
}

/** Splits `litellm_params.model` into the adapter prefix and the model the upstream sees. */
export function splitModel(model: string, customProvider: string | undefined, apiBase?: string): { prefix: string; upstreamModel: string } {
  if (customProvider) {
    const p = `${customProvider}/`;
    return { prefix: customProvider, upstreamModel: model.startsWith(p) ? model.slice(p.length) : model };
  }
  const slash = model.indexOf('/');
  if (slash >= 0) return { prefix: model.slice(0, slash), upstreamModel: model.slice(slash + 1) };
  // A bare name goes where LiteLLM sends it (claude-* to Anthropic, ...); a name of no known family to an
  // OpenAI-compatible endpoint, as before.
  const inferred = providerForBareModel(model, apiBase);
  return { prefix: inferred?.provider ?? 'openai', upstreamModel: model };
}

function headerSafe(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}

/** Timeouts and cooldown from router_settings / litellm_settings, in seconds. */
export interface DeploymentDefaults {
  timeoutS: number;
  streamTimeoutS: number;
  cooldownS: number;
}

export interface BuildInput {
  deployment: Deployment;
  fileIndex: number;
  missing: readonly MissingEnv[];
  /** Environment variables the deployment's api_key was read from (for the key-variable check). */
  keyVariables: readonly string[];
  idHint?: string;
}

function resolveBase(rawBase: string | undefined): { origin: string; apiBase: string; invalid?: string } {
  if (!rawBase) return { origin: '', apiBase: '' };
  try {
    const u = new URL(rawBase);
    return { origin: u.origin, apiBase: u.origin + u.pathname.replace(/\/+$/, '') };
  } catch {
    return { origin: '', apiBase: '', invalid: `api_base "${rawBase}" is not a valid URL` };
  }
}

/** Builds runtime deployments for one table: unique ids, one pool per origin, warnings collected. */
export class DeploymentBuilder {
  readonly pools = new Map<string, Pool>();
  private readonly usedIds = new Set<string>();

  constructor(
    private readonly store: StateStore,
    private readonly defaults: DeploymentDefaults,
    private readonly connectRules: readonly ConnectRule[],
    private readonly warnings: string[],
  ) {}

  build({ deployment: d, fileIndex, missing, keyVariables, idHint }: BuildInput): RuntimeDeployment {
    const p = d.litellm_params;
    const info = d.model_info ?? {};
    const { prefix, upstreamModel } = splitModel(p.model, p.custom_llm_provider, p.api_base);
    const adapter = getAdapter(prefix);
    const rawBase = p.api_base ?? adapter?.defaultApiBases?.[prefix];
    const base = resolveBase(rawBase);
    const id = this.uniqueId(info.id ?? idHint ?? `${d.model_name}:${prefix}/${upstreamModel}${base.origin ? `@${new URL(base.origin).host}` : ''}${info.credential ? `[${info.credential}]` : ''}`);
    const disabledReason = this.disabledReason(prefix, adapter, missing, rawBase, base.invalid);
    if (disabledReason) this.warnings.push(`deployment ${id} disabled: ${disabledReason}`);
    else this.checkKeyVariables(id, keyVariables, prefix, rawBase);
    const facts = { prefix, upstreamModel, apiBase: rawBase, description: typeof info.description === 'string' ? info.description : undefined };
    const stated = tierOf(info);
    const inferred = stated === undefined ? inferTier(facts) : undefined;
    const timeoutS = p.timeout ?? this.defaults.timeoutS;
    return {
      id,
      modelName: d.model_name,
      prefix,
      upstreamModel: info.upstream_model && !p.model.includes('{model}') ? info.upstream_model : upstreamModel,
      provider: headerSafe(info.provider ?? providerLabel(facts)),
      tier: stated ?? inferred!.tier,
      tierSource: inferred ? inferred.because : info.rainymodel_tier !== undefined ? 'model_info.rainymodel_tier' : 'model_info.tier (legacy)',
      tierStated: stated !== undefined,
      order: p.order ?? Number.POSITIVE_INFINITY,
      fileIndex,
      weight: p.weight ?? p.rpm ?? p.tpm ?? 1,
      costPerToken: typeof p.input_cost_per_token === 'number' ? p.input_cost_per_token : 0,
      rpm: p.rpm,
      tpm: p.tpm,
      maxParallel: p.max_parallel_requests,
      timeoutMs: timeoutS * 1000,
      streamTimeoutMs: (p.stream_timeout ?? (p.timeout !== undefined ? timeoutS : this.defaults.streamTimeoutS)) * 1000,
      cooldownMs: (typeof p.cooldown_time === 'number' ? p.cooldown_time : this.defaults.cooldownS) * 1000,
      disabledReason,
      adapter,
      adapterDeployment: { prefix, upstreamModel, apiBase: base.apiBase, apiKey: p.api_key || undefined, params: p },
      pool: disabledReason ? undefined : this.poolFor(base.origin),
      origin: base.origin,
      apiBase: base.apiBase,
      state: this.store.get(id),
    };
  }

  /** Frees an id for reuse (a pattern route's deployment that was forgotten). */
  releaseId(id: string): void {
    this.usedIds.delete(id);
  }

  private uniqueId(wanted: string): string {
    let id = headerSafe(wanted);
    if (this.usedIds.has(id)) {
      let n = 2;
      while (this.usedIds.has(`${id}#${n}`)) n++;
      id = `${id}#${n}`;
    }
    this.usedIds.add(id);
    return id;
  }

  private disabledReason(prefix: string, adapter: ProviderAdapter | undefined, missing: readonly MissingEnv[], rawBase: string | undefined, invalidBase: string | undefined): string | undefined {
    if (missing.length > 0) return `environment variable ${missing.map((m) => m.variable).join(', ')} not set`;
    if (!adapter) return `provider prefix "${prefix}/" is not supported by rmctl serve`;
    if (invalidBase) return invalidBase;
    if (!rawBase) return `no api_base and no default for prefix "${prefix}/"`;
    return undefined;
  }

  /** Warns where the key's variable is another provider's (OPENAI_API_KEY on a deployment sent to Anthropic). */
  private checkKeyVariables(id: string, keyVariables: readonly string[], prefix: string, rawBase: string | undefined): void {
    const destination = destinationProvider(prefix, rawBase);
    if (!destination) return;
    for (const variable of keyVariables) {
      const problem = keyVariableMismatch(variable, destination);
      if (problem) this.warnings.push(`deployment ${id}: ${problem}`);
    }
  }

  private poolFor(origin: string): Pool | undefined {
    if (!origin) return undefined;
    let pool = this.pools.get(origin);
    if (!pool) {
      // One keep-alive pool per upstream origin, shared by every deployment on it.
      pool = createPool(origin, this.connectRules);
      this.pools.set(origin, pool);
    }
    return pool;
  }
}
