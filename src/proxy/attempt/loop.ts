// The attempt and failover loop: walks the request's model groups (the resolved one, then fallbacks)
// and, within each, its deployments in policy order; skips deployments that cannot serve the endpoint,
// are at their limits or cooling down; tries the rest until one serves (or the client's own error is
// returned), and otherwise answers with what every attempt came to (429, 502 or 503).
import { sendError, type Exchange } from '../http/exchange.js';
import { AttemptBudget, orderDeployments } from '../router.js';
import type { ProxyServices } from '../services.js';
import type { ModelGroup, RuntimeDeployment } from '../table.js';
import { callUpstream } from '../upstream/call.js';
import { observeAttempt, recordFailure } from './bookkeeping.js';
import type { Failure } from './outcome.js';

/** What the loop saw besides failed attempts: deployments passed over, and the earliest one free again. */
interface Skipped {
  cooldown: number;
  limit: number;
  /** Deployments that cannot serve this endpoint at all (an anthropic/ deployment asked for embeddings). */
  endpoint: number;
  earliestRetryMs: number;
}

type Skip = 'endpoint' | 'limit' | 'cooldown' | undefined;

/** Why a deployment is passed over without an attempt (never counted against its health), if it is. */
function skipReason(svc: ProxyServices, r: Exchange, d: RuntimeDeployment, skipped: Skipped): Skip {
  if (d.adapter && !d.adapter.endpoints.includes(r.endpoint)) return 'endpoint';
  if (r.ingress?.serves && !r.ingress.serves(d.adapterDeployment)) return 'endpoint';
  const now = Date.now();
  if (!d.state.hasCapacity(now, d.rpm, d.tpm) || (d.maxParallel !== undefined && d.state.inflight >= d.maxParallel)) {
    svc.metrics.rateLimited.inc({ scope: 'deployment' });
    skipped.earliestRetryMs = Math.min(skipped.earliestRetryMs, d.state.capacityWaitMs(now, d.rpm, d.tpm) || 1000);
    return 'limit';
  }
  if (!r.table.settings.disableCooldowns && !d.state.tryEnter(now)) {
    skipped.earliestRetryMs = Math.min(skipped.earliestRetryMs, d.state.cooldownRemainingMs(now) || 1000);
    return 'cooldown';
  }
  return undefined;
}

/** Fleet mode: a deployment's rpm/tpm is the fleet's, so the request is reserved in Redis before the attempt. */
async function fleetReservation(svc: ProxyServices, d: RuntimeDeployment, skipped: Skipped): Promise<Skip> {
  const reserved = await svc.fleet.reserve(d);
  if (reserved?.allowed !== false) return undefined;
  d.state.releaseProbe();
  svc.metrics.rateLimited.inc({ scope: 'deployment' });
  skipped.earliestRetryMs = Math.min(skipped.earliestRetryMs, reserved.retryMs);
  return 'limit';
}

export async function runAttempts(svc: ProxyServices, r: Exchange, chain: readonly ModelGroup[], policy: string): Promise<void> {
  const failures: Array<{ d: RuntimeDeployment; outcome: Failure }> = [];
  const skipped: Skipped = { cooldown: 0, limit: 0, endpoint: 0, earliestRetryMs: Number.POSITIVE_INFINITY };
  for (const group of chain) {
    const budget = AttemptBudget.forGroup(group, r.table.settings.numRetries);
    for (const d of orderDeployments(group, policy, Date.now())) {
      if (!budget.allows(d)) continue;
      if (r.clientGone) return;
      const skip = skipReason(svc, r, d, skipped) ?? (d.rpm === undefined && d.tpm === undefined ? undefined : await fleetReservation(svc, d, skipped));
      if (skip !== undefined) {
        skipped[skip]++;
        continue;
      }
      budget.spend(d);
      const began = performance.now();
      const outcome = await callUpstream(svc, r, group, d);
      observeAttempt(svc, r, group, d, outcome, began);
      if (outcome.kind !== 'failed') {
        if (outcome.kind !== 'served') d.state.releaseProbe();
        return;
      }
      recordFailure(svc, r, group, d, outcome);
      failures.push({ d, outcome });
      r.tried.push(`${d.id}:${outcome.reason}`);
      r.fallbackReason ??= outcome.reason;
    }
  }
  if (failures.length === 0) return answerNothingTried(r, skipped, policy);
  answerAllFailed(r, failures);
}

/** No attempt was made: the model serves no such endpoint (400), or every deployment is limited (429) or cooling down (503). */
function answerNothingTried(r: Exchange, skipped: Skipped, policy: string): void {
  const latency = String(Math.round(performance.now() - r.start));
  if (skipped.endpoint > 0 && skipped.limit === 0 && skipped.cooldown === 0) {
    const what = r.endpoint === 'chat' ? 'chat completions' : r.endpoint === 'completion' ? 'text completions' : 'embeddings';
    return sendError(r, 400, { message: `"${r.model}" does not serve ${what}: none of its deployments' providers offer it`, type: 'invalid_request_error', code: 'unsupported_endpoint', param: 'model' }, { 'x-rainymodel-latency-ms': latency });
  }
  const retryAfter = String(Math.max(1, Math.ceil((Number.isFinite(skipped.earliestRetryMs) ? skipped.earliestRetryMs : 1000) / 1000)));
  if (skipped.limit > 0 && skipped.cooldown === 0) {
    return sendError(r, 429, { message: `every deployment of "${r.model}" is at its rpm/tpm/parallel limit`, type: 'rate_limit_error', code: 'deployments_rate_limited' }, { 'retry-after': retryAfter, 'x-rainymodel-latency-ms': latency });
  }
  return sendError(r, 503, { message: `no healthy deployment for "${r.model}" (policy ${policy}): ${skipped.cooldown} cooling down, ${skipped.limit} at their limits`, type: 'api_error', code: 'no_healthy_deployment' }, { 'retry-after': retryAfter, 'x-rainymodel-latency-ms': latency });
}

/** Every attempt failed: 429 when all were rate limited (with the shortest wait), 502 otherwise. */
function answerAllFailed(r: Exchange, failures: Array<{ d: RuntimeDeployment; outcome: Failure }>): void {
  const headers: Record<string, string> = { 'x-rainymodel-tried': r.tried.join(','), 'x-rainymodel-latency-ms': String(Math.round(performance.now() - r.start)) };
  if (r.fallbackReason) headers['x-rainymodel-fallback-reason'] = r.fallbackReason;
  const summary = failures.map((f) => `${f.d.id} (${f.outcome.reason}: ${f.outcome.message})`).join('; ');
  if (failures.every((f) => f.outcome.status === 404)) {
    // No deployment serves the model: the upstreams' own answer, not a failure of the proxy.
    return sendError(r, 404, { message: `no deployment of "${r.model}" serves it: ${summary}`, type: 'invalid_request_error', code: 'model_not_found', param: 'model' }, headers);
  }
  if (failures.every((f) => f.outcome.status === 429)) {
    const wait = Math.min(...failures.map((f) => f.outcome.retryAfterMs ?? 1000));
    headers['retry-after'] = String(Math.max(1, Math.ceil(wait / 1000)));
    return sendError(r, 429, { message: `every upstream is rate limited: ${summary}`, type: 'rate_limit_error', code: 'upstream_rate_limited' }, headers);
  }
  sendError(r, 502, { message: `all upstreams failed: ${summary}`, type: 'api_error', code: 'all_upstreams_failed' }, headers);
}
