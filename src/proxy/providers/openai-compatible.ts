// The OpenAI-compatible family: the upstream speaks OpenAI's wire format, so requests and answers pass
// through. The only change is `model`, spliced into the client's raw body text so a chat body is never
// re-serialised on the hot path.
import type {
  AdapterDeployment,
  Endpoint,
  ProviderAdapter,
  RequestContext,
  StreamEvent,
  StreamTranslator,
  TranslatedError,
  UpstreamRequest,
} from './types.js';
import { SseDecoder } from '../sse.js';

const PATHS: Record<Endpoint, string> = {
  chat: '/chat/completions',
  completion: '/completions',
  embedding: '/embeddings',
};

const DEFAULT_API_BASES: Readonly<Record<string, string>> = {
  openai: 'https://api.openai.com/v1',
  openrouter: 'https://openrouter.ai/api/v1',
  deepseek: 'https://api.deepseek.com/v1',
  xai: 'https://api.x.ai/v1',
  huggingface: 'https://router.huggingface.co/v1',
};

const QUOTE = 34; // "
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const CLOSE_BRACE = 125;
const CLOSE_BRACKET = 93;

/** End index (exclusive) of the JSON string starting at `start` (which holds the opening quote). */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return -1;
}

/**
 * Span [start, end) of the top-level `"model"` string value in a JSON object text, or undefined.
 * Clients (the openai SDK included) usually write `model` first, so the scan normally stops within a few
 * characters; nested `"model"` keys (tool schemas, say) are skipped by tracking depth.
 */
export function findTopLevelModel(text: string): [number, number] | undefined {
  let depth = 0;
  let expectKey = false;
  // A second top-level "model" key makes the span ambiguous (JSON.parse keeps the last one): none then.
  let found: [number, number] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) return undefined;
      if (depth === 1 && expectKey) {
        if (end - i === 7 && text.startsWith('"model"', i)) {
          let j = end;
          while (j < text.length && text.charCodeAt(j) !== 58 /* : */) j++;
          j++;
          while (j < text.length && text.charCodeAt(j) <= 32) j++;
          if (text.charCodeAt(j) !== QUOTE) return undefined;
          const valueEnd = stringEnd(text, j);
          if (valueEnd < 0 || found) return undefined;
          found = [j, valueEnd];
          // No other "model" text anywhere after it: no second key to look for.
          if (text.indexOf('"model"', valueEnd) < 0) return found;
          i = valueEnd - 1;
          expectKey = false;
          continue;
        }
        expectKey = false;
      }
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      expectKey = c === OPEN_BRACE && depth === 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
    } else if (c === 44 /* , */ && depth === 1) {
      expectKey = true;
    }
  }
  return found;
}

function errorTypeFor(status: number): string {
  if (status === 400 || status === 404 || status === 413 || status === 422) return 'invalid_request_error';
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 429) return 'rate_limit_error';
  return 'api_error';
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export function translateOpenAIError(status: number, bodyText: string): TranslatedError {
  let message = bodyText.slice(0, 500) || `upstream answered ${status}`;
  let type = errorTypeFor(status);
  let code: string | null = null;
  try {
    const parsed: unknown = JSON.parse(bodyText);
    if (parsed !== null && typeof parsed === 'object') {
      const err = (parsed as { error?: unknown }).error;
      if (typeof err === 'string') message = err;
      else if (err !== null && typeof err === 'object') {
        const e = err as { message?: unknown; type?: unknown; code?: unknown };
        if (typeof e.message === 'string') message = e.message;
        if (typeof e.type === 'string') type = e.type;
        if (typeof e.code === 'string') code = e.code;
        else if (typeof e.code === 'number') code = String(e.code);
      } else if (typeof (parsed as { message?: unknown }).message === 'string') {
        message = (parsed as { message: string }).message;
      }
    }
  } catch {
    // Not JSON (an HTML error page from a gateway, say): the text itself is the message.
  }
  return { status, type, code, message, retryable: isRetryableStatus(status) };
}

/** Parses OpenAI-style SSE (`data: {...}` events, `data: [DONE]`); also used by tests and other adapters. */
export class OpenAISseTranslator implements StreamTranslator {
  private readonly sse = new SseDecoder();
  private finished = false;

  push(text: string): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const e of this.sse.push(text)) this.parseData(e.data, events);
    return events;
  }

  end(): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const e of this.sse.push('', true)) this.parseData(e.data, events);
    if (!this.finished) {
      events.push({
        kind: 'error',
        error: { status: 502, type: 'api_error', code: 'stream_truncated', message: 'upstream stream ended without [DONE]', retryable: true },
      });
    }
    return events;
  }

  private parseData(data: string, events: StreamEvent[]): void {
    if (data === '') return;
    if (data === '[DONE]') {
      this.finished = true;
      events.push({ kind: 'done' });
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      events.push({ kind: 'error', error: { status: 502, type: 'api_error', code: 'bad_upstream_chunk', message: 'upstream sent a malformed stream chunk', retryable: true } });
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      events.push({ kind: 'error', error: { status: 502, type: 'api_error', code: 'bad_upstream_chunk', message: 'upstream sent a malformed stream chunk', retryable: true } });
      return;
    }
    const obj = parsed as Record<string, unknown>;
    if (obj.error !== undefined) {
      events.push({ kind: 'error', error: translateOpenAIError(502, JSON.stringify(obj)) });
      return;
    }
    events.push({ kind: 'chunk', data: obj });
  }
}

export const openAICompatibleAdapter: ProviderAdapter = {
  prefixes: ['openai', 'hosted_vllm', 'vllm', 'openrouter', 'huggingface', 'deepseek', 'xai'],
  endpoints: ['chat', 'completion', 'embedding'],
  passThrough: true,
  defaultApiBases: DEFAULT_API_BASES,

  buildRequest(ctx: RequestContext, deployment: AdapterDeployment, body: Record<string, unknown>): UpstreamRequest {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (deployment.apiKey) headers.authorization = `Bearer ${deployment.apiKey}`;
    const url = deployment.apiBase + PATHS[ctx.endpoint];
    const extra = deployment.params.extra_body;
    let text: string | Buffer | undefined;
    if (ctx.rawBody !== undefined && extra === undefined) {
      const raw = ctx.rawBody;
      const bytes = ctx.rawBytes;
      // The client's bytes as they are only when they hold one "model" (what was validated is what goes).
      if (ctx.requestModel === deployment.upstreamModel && raw.indexOf('"model"') === raw.lastIndexOf('"model"')) text = bytes ?? raw;
      else {
        const span = findTopLevelModel(raw);
        if (span) {
          const model = JSON.stringify(deployment.upstreamModel);
          // Splicing the received bytes spares building, flattening and re-encoding a new string. Text
          // offsets equal byte offsets exactly when the body has as many bytes as UTF-16 units.
          if (bytes !== undefined && bytes.length === raw.length) {
            text = Buffer.concat([bytes.subarray(0, span[0]), Buffer.from(model), bytes.subarray(span[1])]);
          } else {
            text = raw.slice(0, span[0]) + model + raw.slice(span[1]);
          }
        }
      }
    }
    if (text === undefined) {
      // extra_body is merged like LiteLLM does (deployment defaults, the client's own fields win).
      text = JSON.stringify({ ...(extra ?? {}), ...body, model: deployment.upstreamModel });
    }
    return { url, method: 'POST', headers, body: text };
  },

  translateResponse(_ctx: RequestContext, _deployment: AdapterDeployment, upstream: unknown): Record<string, unknown> {
    return upstream as Record<string, unknown>;
  },

  createStreamTranslator(): StreamTranslator {
    return new OpenAISseTranslator();
  },

  translateError: translateOpenAIError,
};
