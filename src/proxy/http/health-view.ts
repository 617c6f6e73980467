// The /health answer: every deployment's circuit, cooldown, recent failures and last error.
import type { RouteTable } from '../table.js';

export function healthView(table: RouteTable): Record<string, unknown> {
  const now = Date.now();
  const deployments = table.deployments.map((d) => ({
    id: d.id,
    model_name: d.modelName,
    provider: d.provider,
    tier: d.tier,
    upstream_model: d.upstreamModel,
    api_base: d.apiBase || null,
    circuit: d.disabledReason ? 'disabled' : d.state.circuitState(now),
    cooldown_remaining_ms: d.state.cooldownRemainingMs(now),
    recent_failures: d.state.recentFailures(now),
    in_flight: d.state.inflight,
    last_error: d.state.lastError ?? null,
    disabled_reason: d.disabledReason ?? null,
  }));
  const healthy = deployments.filter((d) => d.circuit === 'closed' || d.circuit === 'half_open');
  return {
    status: healthy.length > 0 ? 'healthy' : 'unhealthy',
    healthy_count: healthy.length,
    unhealthy_count: deployments.length - healthy.length,
    deployments,
  };
}
