// `gemini/` deployments: OpenAI requests <-> Google AI Studio's Gemini API (v1beta).
// Wire format from the Gemini API reference: models/{model}:generateContent, :streamGenerateContent?alt=sse,
// :embedContent / :batchEmbedContents, key in the `x-goog-api-key` header, errors as google.rpc.Status.
// The adapter joins request.ts (chat body), embeddings.ts, response.ts, stream.ts and errors.ts.
import type { ProviderAdapter, UpstreamRequest } from '../types.js';
import { invalidRequest } from '../common.js';
import { GEMINI_DEFAULT_BASE, methodUrl } from './urls.js';
import { buildChatBody } from './request.js';
import { buildEmbeddingRequest, translateEmbeddings } from './embeddings.js';
import { translateChat } from './response.js';
import { GeminiStream } from './stream.js';
import { translateError } from './errors.js';

export { GEMINI_DEFAULT_BASE } from './urls.js';
export { THOUGHT_SIGNATURE_SEPARATOR } from './tool-call-id.js';

export const geminiAdapter: ProviderAdapter = {
  prefixes: ['gemini'],
  endpoints: ['chat', 'embedding'],
  defaultApiBases: { gemini: GEMINI_DEFAULT_BASE },

  buildRequest(ctx, deployment, body): UpstreamRequest {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (deployment.apiKey) headers['x-goog-api-key'] = deployment.apiKey;
    if (ctx.endpoint === 'embedding') return buildEmbeddingRequest(deployment, body, headers);
    if (ctx.endpoint !== 'chat') throw invalidRequest('gemini', `the ${ctx.endpoint} endpoint is not offered by Gemini`);
    const method = ctx.stream ? 'streamGenerateContent?alt=sse' : 'generateContent';
    return {
      url: methodUrl(deployment.apiBase, deployment.upstreamModel, method),
      method: 'POST',
      headers,
      body: JSON.stringify(buildChatBody(deployment, body)),
    };
  },

  translateResponse(ctx, _deployment, upstream) {
    return ctx.endpoint === 'embedding' ? translateEmbeddings(ctx, upstream) : translateChat(ctx, upstream);
  },

  createStreamTranslator(ctx) {
    return new GeminiStream(ctx);
  },

  translateError,
};
