// The OpenAI ingress: /v1/chat/completions, /v1/completions and /v1/embeddings. The body is checked
// (validate-request.ts) and served as it is: the adapters speak OpenAI's request shape.
import { sendError, type Exchange } from '../http/exchange.js';
import type { Endpoint } from '../providers/types.js';
import type { ProxyServices } from '../services.js';
import { validateRequest } from '../validate-request.js';
import type { FallbackChains } from '../attempt/chain.js';
import { admitJsonRequest } from './admission.js';
import { serveModelRequest } from './serve-model.js';

export async function handleOpenAIRequest(svc: ProxyServices, chains: FallbackChains, r: Exchange, endpoint: Endpoint): Promise<void> {
  r.endpoint = endpoint;
  const admitted = await admitJsonRequest(svc, r);
  if (!admitted.ok) return;
  const problem = validateRequest(endpoint, admitted.parsed);
  if (problem) return sendError(r, 400, { message: problem.message, type: 'invalid_request_error', code: problem.code, param: problem.param });
  await serveModelRequest(svc, chains, r, { endpoint, body: admitted.parsed as Record<string, unknown> });
}
