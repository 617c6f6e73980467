// The per-attempt step of an ingress request inside the shared attempt loop: the ingress builds the
// upstream request for this deployment (natively or through the chat shape), and what the translation
// leaves out is said once per request in a debug line.
import type { Exchange } from '../http/exchange.js';
import type { UpstreamRequest } from '../providers/types.js';
import type { ProxyServices } from '../services.js';
import type { RuntimeDeployment } from '../table.js';

export function prepareIngressAttempt(svc: ProxyServices, r: Exchange, d: RuntimeDeployment): UpstreamRequest {
  const ingress = r.ingress!;
  const attempt = ingress.prepare(d.adapter!, d.adapterDeployment);
  r.ingressAttempt = attempt;
  if (!attempt.native && ingress.dropped.length > 0 && svc.log.isLevelEnabled('debug')) {
    svc.log.debug(
      { event: 'ingress_fields_dropped', req_id: r.id, api: ingress.api, deployment: d.id, provider_prefix: d.prefix, dropped: ingress.dropped },
      `${ingress.api}: fields this provider cannot take were left out`,
    );
  }
  return attempt.request;
}
