// What the proxy remembers about an attempt once its outcome is known: the deployment's circuit and
// limits, the shared fleet counters, metrics, token counts and the attempt observers.
import type { Exchange } from '../http/exchange.js';
import { failureClass } from '../metrics.js';
import type { ProxyServices } from '../services.js';
import type { ModelGroup, RuntimeDeployment } from '../table.js';
import type { Failure, Outcome } from './outcome.js';

export function recordFailure(svc: ProxyServices, r: Exchange, group: ModelGroup, d: RuntimeDeployment, o: Failure): void {
  const now = Date.now();
  const settings = r.table.settings;
  if (settings.disableCooldowns) {
    d.state.lastError = o.reason;
    d.state.lastErrorAt = now;
  } else if (o.auth) {
    // A rejected upstream key will not heal by itself: keep that deployment out much longer.
    d.state.openFor(now, o.reason, Math.max(d.cooldownMs * 10, 300_000));
  } else if (o.status === 429 && o.retryAfterMs !== undefined) {
    d.state.openFor(now, o.reason, o.retryAfterMs);
  } else {
    d.state.onFailure(now, o.reason, settings.allowedFails, d.cooldownMs);
  }
  svc.fleet.onFailure(r.table, d, now);
  svc.metrics.upstreamFailure(d.provider, failureClass(o.status, o.reason));
  svc.metrics.upstreamOutcome(d, group.metricsLabel, o.status !== undefined ? String(o.status) : o.reason);
  svc.log.warn({ event: 'upstream_failed', req_id: r.id, deployment: d.id, provider: d.provider, reason: o.reason, status: o.status, detail: o.message.slice(0, 300) }, 'upstream attempt failed');
}

export function markServed(svc: ProxyServices, r: Exchange, group: ModelGroup, d: RuntimeDeployment, upstreamStart: number): void {
  const ms = performance.now() - upstreamStart;
  r.served = d;
  r.upstreamMs = ms;
  d.state.onSuccess(ms);
  svc.metrics.upstreamSuccess(d.provider, ms);
  const m = svc.metrics.forDeployment(d, group.metricsLabel);
  m.success.inc();
  m.latency.observe(ms / 1000);
  m.duration.observe((performance.now() - r.start) / 1000);
  if (r.tried.length > 0) svc.metrics.fallbacks.inc({ model_group: group.metricsLabel, reason: r.fallbackReason ?? 'unknown' });
}

export function countTokens(svc: ProxyServices, r: Exchange, d: RuntimeDeployment, group: ModelGroup): void {
  const now = Date.now();
  let total = (r.promptTokens ?? 0) + (r.completionTokens ?? 0);
  const m = svc.metrics.forDeployment(d, group.metricsLabel);
  if (r.promptTokens !== undefined) m.promptTokens.inc(r.promptTokens);
  if (r.completionTokens !== undefined) m.completionTokens.inc(r.completionTokens);
  // Unknown usage (a stream without include_usage): a rough estimate keeps tpm limits meaningful.
  if (total === 0) total = Math.ceil(r.raw.length / 4);
  if (d.tpm !== undefined) d.state.countTokens(now, total);
  r.table.rateLimiter?.consumeTokens(r.rateKey, total, now);
  svc.fleet.countTokens(r.table, r.rateKey, d, total);
}

/** Tells the attempt observers how one attempt ended (nothing to do when none is registered). */
export function observeAttempt(svc: ProxyServices, r: Exchange, group: ModelGroup, d: RuntimeDeployment, o: Outcome, began: number): void {
  if (!svc.attempts.active) return;
  const failure = o.kind === 'failed' ? o : undefined;
  svc.attempts.emit({
    deploymentId: d.id,
    provider: d.provider,
    tier: d.tier,
    group: group.metricsLabel,
    outcome: o.kind,
    status: failure ? failure.status : r.res.statusCode,
    reason: failure?.reason,
    failureClass: failure ? failureClass(failure.status, failure.reason) : undefined,
    latencyMs: o.kind === 'served' && r.upstreamMs !== undefined ? r.upstreamMs : performance.now() - began,
    at: Date.now(),
  });
}
