// POST /v1/messages/count_tokens. An anthropic/ deployment counts natively (its own
// /v1/messages/count_tokens); no other provider kind has such an endpoint, so for them the proxy answers
// an estimate (about four characters per token, a flat 1,600 per image or document) and says so in the
// `x-rainymodel-token-count: estimate` header.
import { anthropicAdapter } from '../../providers/anthropic/index.js';
import { isRecord, num, type Json } from '../../providers/common.js';
import type { AdapterDeployment } from '../../providers/types.js';
import type { CoreError, IngressAttempt, IngressRequest } from '../types.js';
import { anthropicErrorBody } from './errors.js';
import { nativeAnthropicRequest, type AnthropicClientHeaders } from './native.js';
import { checkMessagesRequest } from './request.js';

const CHARS_PER_TOKEN = 4;
const MEDIA_TOKENS = 1600;

function charsOf(value: unknown, media: { count: number }): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + charsOf(v, media), 0);
  if (!isRecord(value)) return value === undefined || value === null ? 0 : String(value).length;
  if (value.type === 'image' || value.type === 'document') {
    media.count++;
    return 0;
  }
  let n = 0;
  for (const [k, v] of Object.entries(value)) {
    if (k === 'type' || k === 'cache_control' || k === 'id' || k === 'tool_use_id') continue;
    n += charsOf(v, media);
  }
  return n;
}

/** A rough count of the input tokens of a Messages request (system, messages, tools). */
export function estimateInputTokens(body: Json): number {
  const media = { count: 0 };
  const chars = charsOf(body.system, media) + charsOf(body.messages, media) + charsOf(body.tools, media);
  return Math.ceil(chars / CHARS_PER_TOKEN) + media.count * MEDIA_TOKENS;
}

export class CountTokensIngress implements IngressRequest {
  readonly api = 'count_tokens' as const;
  readonly model: string;
  readonly stream = false;
  readonly dropped: readonly string[] = [];

  private readonly body: Json;

  constructor(
    body: unknown,
    private readonly raw: string,
    private readonly headers: AnthropicClientHeaders,
  ) {
    checkMessagesRequest(body, true);
    this.body = body;
    this.model = body.model as string;
  }

  /** Only anthropic/ deployments can count; the core estimates when a model has none. */
  serves(d: AdapterDeployment): boolean {
    return d.prefix === 'anthropic';
  }

  estimate(): Json {
    return { input_tokens: estimateInputTokens(this.body) };
  }

  prepare(_adapter: unknown, d: AdapterDeployment): IngressAttempt {
    return {
      native: true,
      request: nativeAnthropicRequest(d, this.raw, this.body, this.headers, '/count_tokens'),
      answer(upstream: unknown) {
        if (!isRecord(upstream) || num(upstream.input_tokens) === undefined) throw new Error('anthropic: count_tokens answer has no input_tokens');
        return { body: upstream, usage: {} };
      },
      stream() {
        throw new Error('count_tokens does not stream');
      },
      translateError: anthropicAdapter.translateError,
    };
  }

  errorBody(status: number, error: CoreError, requestId: string): Json {
    return anthropicErrorBody(status, error, requestId);
  }
}
