// The request log: one line per handled model request (what was asked, how it was served, tokens, the
// key's label, never the key), and the request counter by model group and status.
import type { Exchange } from '../http/exchange.js';
import { jsonString, rawLineWriter, type Logger } from '../logging.js';
import type { ProxyMetrics } from '../metrics.js';
import type { RuntimeDeployment } from '../table.js';

export class RequestLog {
  /** The per-request line, serialised here rather than by pino's generic object walk (see rawLineWriter). */
  private readonly requestLine: ReturnType<typeof rawLineWriter>;
  private readonly servedFields = new WeakMap<RuntimeDeployment, string>();

  constructor(
    private readonly log: Logger,
    private readonly metrics: ProxyMetrics,
  ) {
    this.requestLine = rawLineWriter(log, 'request');
  }

  write(r: Exchange, path: string): void {
    const status = r.res.statusCode;
    if (this.requestLine) {
      if (this.log.isLevelEnabled('info')) this.requestLine('info', this.requestFields(r, path, status));
    } else {
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

  /** The request line's fields as JSON text, in the order and with the omissions of the object form above. */
  private requestFields(r: Exchange, path: string, status: number): string {
    let f = `,"event":"request","req_id":${jsonString(r.id)},"method":${jsonString(r.req.method ?? '')},"path":${jsonString(path)},"status":${status},"latency_ms":${Math.round((performance.now() - r.start) * 10) / 10}`;
    if (r.upstreamMs !== undefined) f += `,"upstream_ms":${Math.round(r.upstreamMs * 10) / 10}`;
    if (r.model !== undefined) f += `,"model":${jsonString(r.model)}`;
    if (r.group !== undefined) f += `,"group":${jsonString(r.group.name)}`;
    if (r.policy !== undefined) f += `,"policy":${jsonString(r.policy)}`;
    f += r.stream ? ',"stream":true' : ',"stream":false';
    const d = r.served;
    if (d !== undefined) {
      let served = this.servedFields.get(d);
      if (served === undefined) {
        served = `,"route":${jsonString(d.tier)},"upstream":${jsonString(d.provider)},"deployment":${jsonString(d.id)},"upstream_model":${jsonString(d.upstreamModel)}`;
        this.servedFields.set(d, served);
      }
      f += served;
    }
    if (r.tried.length > 0) f += `,"tried":${JSON.stringify(r.tried)}`;
    if (r.fallbackReason !== undefined) f += `,"fallback_reason":${jsonString(r.fallbackReason)}`;
    if (r.promptTokens !== undefined) f += `,"prompt_tokens":${r.promptTokens}`;
    if (r.completionTokens !== undefined) f += `,"completion_tokens":${r.completionTokens}`;
    f += `,"key":${jsonString(r.keyLabel)}`;
    if (r.clientGone) f += ',"client_gone":true';
    if (r.cache !== undefined) f += `,"cache":${jsonString(r.cache)}`;
    return f;
  }
}
