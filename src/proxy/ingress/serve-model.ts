// Serving a checked model request, whatever API it came in through: the policy header, the model name
// resolved to a group and its fallback chain, the fleet's shared rate limit and response cache, then
// the attempt loop. An ingress hands over an OpenAI-shaped body (what the adapters understand).
import { writeCacheHit } from '../fleet/cache.js';
import { sendError, type Exchange } from '../http/exchange.js';
import type { Endpoint } from '../providers/types.js';
import type { ProxyServices } from '../services.js';
import type { FallbackChains } from '../attempt/chain.js';
import { runAttempts } from '../attempt/loop.js';
import { applyKeyLimit } from './admission.js';
import type { IngressRequest } from './types.js';

export interface ModelRequest {
  endpoint: Endpoint;
  /** The request in OpenAI's shape, already checked (validateRequest); for an ingress, its own body. */
  body: Record<string, unknown>;
  /** Set when the request came in through another API (its attempts are built by the ingress). */
  ingress?: IngressRequest;
}

export async function serveModelRequest(svc: ProxyServices, chains: FallbackChains, r: Exchange, request: ModelRequest): Promise<void> {
  const { req, res, table } = r;
  const { endpoint, body } = request;
  r.endpoint = endpoint;
  r.body = body;
  r.ingress = request.ingress;
  const model = body.model as string;
  r.model = model;
  r.stream = body.stream === true && endpoint !== 'embedding';
  r.ctx = { endpoint, stream: r.stream, requestModel: model, rawBody: r.raw, rawBytes: r.rawBytes };

  const policyHeader = req.headers['x-rainymodel-policy'];
  const policy = typeof policyHeader === 'string' && policyHeader !== '' ? policyHeader.trim().toLowerCase() : table.defaultPolicy;
  if (!table.policies.has(policy)) {
    return sendError(r, 400, { message: `unknown X-RainyModel-Policy "${policy}"; valid policies: ${table.policyList}`, type: 'invalid_request_error', code: 'invalid_policy', param: 'X-RainyModel-Policy' });
  }
  r.policy = policy;
  const resolved = table.resolve(model);
  if (!resolved) {
    return sendError(r, 404, { message: `model "${model}" not found; GET /v1/models lists the available names`, type: 'invalid_request_error', code: 'model_not_found', param: 'model' });
  }
  r.group = resolved.group;
  if (svc.fleet.gated(table)) {
    // Each API's answers get their own cache entries (a body can be a valid chat and Messages request alike).
    const keyed = request.ingress ? { ...body, '#api': request.ingress.api } : body;
    const gate = await svc.fleet.gate({ table, rateKey: r.rateKey, endpoint, stream: r.stream, group: resolved.group.name, policy, body: keyed, cacheControl: req.headers['cache-control'] });
    if (gate.rate && !applyKeyLimit(svc, r, gate.rate)) return;
    if (gate.cache) {
      r.cache = gate.cache.status;
      r.headers['x-rainymodel-cache'] = gate.cache.status;
      if (gate.cache.hit) return writeCacheHit(res, gate.cache.hit, r.start, r.headers);
      r.cacheKey = gate.cache.storeKey;
    }
  }
  await runAttempts(svc, r, chains.get(table, resolved.group, resolved.viaAlias), policy);
}
