// The request log: one line per handled model request (what was asked, how it was served, tokens, the
// key's label, never the key), and the request counter by model group and status.
import type { Exchange } from '../http/exchange.js';
import type { Logger } from '../logging.js';
import type { ProxyMetrics } from '../metrics.js';

export class RequestLog {
  constructor(
    private readonly log: Logger,
    private readonly metrics: ProxyMetrics,
  ) {}

  write(r: Exchange, path: string): void {
    const status = r.res.statusCode;
    if (this.log.isLevelEnabled('info')) {
      const d = r.served;
      this.log.info(
        {
          event: 'request',
          req_id: r.id,
          method: r.req.method,
          path,
          status,
          latency_ms: Math.round((performance.now() - r.start) * 10) / 10,
          upstream_ms: r.upstreamMs === undefined ? undefined : Math.round(r.upstreamMs * 10) / 10,
          model: r.model,
          group: r.group?.name,
          policy: r.policy,
          stream: r.stream,
          route: d?.tier,
          upstream: d?.provider,
          deployment: d?.id,
          upstream_model: d?.upstreamModel,
          tried: r.tried.length > 0 ? r.tried : undefined,
          fallback_reason: r.fallbackReason,
          prompt_tokens: r.promptTokens,
          completion_tokens: r.completionTokens,
          key: r.keyLabel,
          client_gone: r.clientGone || undefined,
          cache: r.cache,
        },
        'request',
      );
    }
    this.metrics.countRequest(r.group?.metricsLabel ?? '(none)', status);
  }
}
