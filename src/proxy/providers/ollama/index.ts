// `ollama_chat/` and `ollama/` deployments: OpenAI requests <-> Ollama's native API.
// Wire format from Ollama's API documentation: POST /api/chat, /api/generate, /api/embed; answers stream
// as newline-delimited JSON. The adapter joins request.ts (with messages.ts), response.ts, stream.ts
// and errors.ts.
import type { ProviderAdapter, UpstreamRequest } from '../types.js';
import { buildBody, endpointUrl, OLLAMA_DEFAULT_BASE } from './request.js';
import { translateGenerated } from './response.js';
import { OllamaStream } from './stream.js';
import { translateError } from './errors.js';

export { OLLAMA_DEFAULT_BASE } from './request.js';

export const ollamaAdapter: ProviderAdapter = {
  prefixes: ['ollama_chat', 'ollama'],
  endpoints: ['chat', 'completion', 'embedding'],
  defaultApiBases: { ollama_chat: OLLAMA_DEFAULT_BASE, ollama: OLLAMA_DEFAULT_BASE },

  buildRequest(ctx, deployment, body): UpstreamRequest {
    const { path, payload } = buildBody(ctx, deployment, body);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    // Ollama itself has no auth; a key is for the reverse proxy some teams put in front of it.
    if (deployment.apiKey) headers.authorization = `Bearer ${deployment.apiKey}`;
    return { url: endpointUrl(deployment.apiBase, path), method: 'POST', headers, body: JSON.stringify(payload) };
  },

  translateResponse(ctx, _deployment, upstream) {
    return translateGenerated(ctx, upstream);
  },

  createStreamTranslator(ctx) {
    return new OllamaStream(ctx);
  },

  translateError,
};
