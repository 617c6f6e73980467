// The agent-facing APIs on rmctl serve: POST /v1/messages and /v1/messages/count_tokens (Anthropic
// Messages, as Claude Code speaks it; key in x-api-key or Authorization) and POST /v1/responses (OpenAI
// Responses, as Codex speaks it). Each request is checked in its own API's terms, then served by the same
// model resolution, policies, fleet gate and attempt loop as chat completions.
import type { IncomingMessage } from 'node:http';
import type { FallbackChains } from '../attempt/chain.js';
import { sendError, sendJson, type Exchange } from '../http/exchange.js';
import type { PathRoutes } from '../http/routes.js';
import type { Json } from '../providers/common.js';
import type { ProxyServices } from '../services.js';
import { admitJsonRequest } from './admission.js';
import { IngressRequestError } from './errors.js';
import { CountTokensIngress } from './messages/count-tokens.js';
import { anthropicErrorBody } from './messages/errors.js';
import { MessagesIngress } from './messages/index.js';
import type { AnthropicClientHeaders } from './messages/native.js';
import { ResponsesIngress } from './responses/index.js';
import { serveModelRequest } from './serve-model.js';
import type { IngressRequest } from './types.js';

function anthropicHeaders(req: IncomingMessage): AnthropicClientHeaders {
  const version = req.headers['anthropic-version'];
  const beta = req.headers['anthropic-beta'];
  return { version: typeof version === 'string' ? version : undefined, beta: typeof beta === 'string' ? beta : Array.isArray(beta) ? beta.join(',') : undefined };
}

/** Reads and checks the body as `make` wants it; answers 400 (naming the field) and returns undefined when it cannot. */
async function admit<T extends IngressRequest>(svc: ProxyServices, r: Exchange, make: (body: unknown) => T): Promise<{ ingress: T; body: Json } | undefined> {
  const admitted = await admitJsonRequest(svc, r);
  if (!admitted.ok) return undefined;
  try {
    return { ingress: make(admitted.parsed), body: admitted.parsed as Json };
  } catch (err) {
    if (!(err instanceof IngressRequestError)) throw err;
    sendError(r, 400, { message: err.message, type: err.type, code: err.errorCode, param: err.param });
    return undefined;
  }
}

async function handleMessages(svc: ProxyServices, chains: FallbackChains, r: Exchange): Promise<void> {
  const got = await admit(svc, r, (body) => new MessagesIngress(body, r.raw, anthropicHeaders(r.req)));
  if (got) await serveModelRequest(svc, chains, r, { endpoint: 'chat', body: got.body, ingress: got.ingress });
}

async function handleResponses(svc: ProxyServices, chains: FallbackChains, r: Exchange): Promise<void> {
  const got = await admit(svc, r, (body) => new ResponsesIngress(body));
  if (got) await serveModelRequest(svc, chains, r, { endpoint: 'chat', body: got.body, ingress: got.ingress });
}

/** Counted by an anthropic/ deployment of the model (or its fallbacks) when it has one, else estimated. */
async function handleCountTokens(svc: ProxyServices, chains: FallbackChains, r: Exchange): Promise<void> {
  const got = await admit(svc, r, (body) => new CountTokensIngress(body, r.raw, anthropicHeaders(r.req)));
  if (!got) return;
  const resolved = r.table.resolve(got.ingress.model);
  const chain = resolved ? chains.get(r.table, resolved.group, resolved.viaAlias) : [];
  const native = chain.some((g) => g.deployments.some((d) => got.ingress.serves(d.adapterDeployment)));
  if (resolved && !native) {
    r.model = got.ingress.model;
    r.group = resolved.group;
    return sendJson(r, 200, got.ingress.estimate(), { 'x-rainymodel-token-count': 'estimate' });
  }
  r.headers['x-rainymodel-token-count'] = 'upstream';
  await serveModelRequest(svc, chains, r, { endpoint: 'chat', body: got.body, ingress: got.ingress });
}

export function registerAgentRoutes(routes: PathRoutes, svc: ProxyServices, chains: FallbackChains): void {
  const anthropic = { access: 'key', logged: true, xApiKey: true, errorShape: anthropicErrorBody } as const;
  routes
    .add({ method: 'POST', path: '/v1/messages', ...anthropic, handler: (r) => handleMessages(svc, chains, r) })
    .add({ method: 'POST', path: '/v1/messages/count_tokens', ...anthropic, handler: (r) => handleCountTokens(svc, chains, r) })
    .add({ method: 'POST', path: '/v1/responses', access: 'key', logged: true, handler: (r) => handleResponses(svc, chains, r) });
}
