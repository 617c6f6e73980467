// `anthropic/` deployments: OpenAI chat requests <-> Anthropic Messages API (POST /v1/messages).
// Wire format from Anthropic's Messages, streaming and errors documentation; the adapter joins
// request.ts (the request body), response.ts (the answer), stream.ts (the SSE stream) and errors.ts.
import type { ProviderAdapter, UpstreamRequest } from '../types.js';
import { invalidRequest } from '../common.js';
import { ANTHROPIC_DEFAULT_BASE, buildChatBody, messagesUrl } from './request.js';
import { translateMessage } from './response.js';
import { AnthropicStream } from './stream.js';
import { translateError } from './errors.js';

export { ANTHROPIC_DEFAULT_BASE, messagesUrl } from './request.js';
export const ANTHROPIC_VERSION = '2023-06-01';

export const anthropicAdapter: ProviderAdapter = {
  prefixes: ['anthropic'],
  endpoints: ['chat'],
  defaultApiBases: { anthropic: ANTHROPIC_DEFAULT_BASE },

  buildRequest(ctx, deployment, body): UpstreamRequest {
    if (ctx.endpoint !== 'chat') throw invalidRequest('anthropic', `the ${ctx.endpoint} endpoint is not offered by Anthropic`);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'anthropic-version': ANTHROPIC_VERSION,
    };
    if (deployment.apiKey) headers['x-api-key'] = deployment.apiKey;
    if (ctx.stream) headers.accept = 'text/event-stream';
    return {
      url: messagesUrl(deployment.apiBase),
      method: 'POST',
      headers,
      body: JSON.stringify(buildChatBody(ctx, deployment, body)),
    };
  },

  translateResponse(ctx, _deployment, upstream) {
    return translateMessage(ctx, upstream);
  },

  createStreamTranslator(ctx) {
    return new AnthropicStream(ctx);
  },

  translateError,
};
