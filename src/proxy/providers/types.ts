// The seam between the proxy core (routing, retries, streaming to the client) and the wire format of
// one kind of upstream. The OpenAI-compatible family passes bodies through; native adapters
// (anthropic, gemini, ollama) translate. Adapters are pure: no sockets, no timers, no globals, so they
// are unit-tested on recorded request/response pairs.
import type { LitellmParams } from '../../shared/compiled-config.js';

export type Endpoint = 'chat' | 'completion' | 'embedding';

/** What an adapter needs to know about one deployment, with every env reference already resolved. */
export interface AdapterDeployment {
  /** The `litellm_params.model` prefix: `openai`, `hosted_vllm`, `ollama_chat`, `anthropic`, ... */
  prefix: string;
  /** The model name the upstream sees (the part after the prefix). */
  upstreamModel: string;
  /** Resolved base URL (the prefix's default when the config names none). */
  apiBase: string;
  /** Resolved key, if any. Never logged. */
  apiKey?: string;
  /** The deployment's remaining litellm_params (keep_alive, extra_body, api_version, ...). */
  params: LitellmParams;
}

export interface UpstreamRequest {
  url: string;
  method: 'POST' | 'GET';
  headers: Record<string, string>;
  /** JSON text, or its UTF-8 bytes (pass-through adapters forward the client's own bytes). */
  body: string | Buffer;
}

/** One event for the client's SSE stream. */
export type StreamEvent =
  /** An OpenAI chunk object (`chat.completion.chunk` / `text_completion`), serialised by the proxy. */
  | { kind: 'chunk'; data: Record<string, unknown> }
  /** The upstream reported an error inside the stream. */
  | { kind: 'error'; error: TranslatedError }
  /** The upstream finished; the proxy writes `data: [DONE]`. */
  | { kind: 'done' };

export interface StreamTranslator {
  /** Feed raw upstream bytes (decoded as UTF-8 text, possibly split anywhere); returns complete events. */
  push(text: string): StreamEvent[];
  /** The upstream body ended; flush what is buffered. */
  end(): StreamEvent[];
}

export interface TranslatedError {
  /** HTTP status to report to the client in OpenAI's shape. */
  status: number;
  /** OpenAI error type (`invalid_request_error`, `authentication_error`, `rate_limit_error`, `api_error`, ...). */
  type: string;
  code: string | null;
  message: string;
  /** True for statuses the router retries or falls back on (408, 429, 5xx, overloaded). */
  retryable: boolean;
  /**
   * Optional. How long the upstream asked us to wait, when it says so in the body rather than in a
   * Retry-After header (Gemini's RetryInfo `retryDelay`). The header wins when both are present.
   */
  retryAfterMs?: number;
}

export interface RequestContext {
  endpoint: Endpoint;
  stream: boolean;
  /** The model name the client asked for (echoed in responses). */
  requestModel: string;
  /**
   * The client's request body exactly as received (optional, added for pass-through adapters: they can
   * forward it with only `model` rewritten instead of re-serialising the parsed object).
   */
  rawBody?: string;
  /** The same body as the bytes received (optional, with rawBody): forwarded without re-encoding. */
  rawBytes?: Buffer;
}

export interface ProviderAdapter {
  /** Prefixes this adapter serves. */
  readonly prefixes: readonly string[];
  /** Endpoints the upstream supports; the proxy answers 400 for the others. */
  readonly endpoints: readonly Endpoint[];
  /** Builds the upstream request from the client's parsed OpenAI request body. */
  buildRequest(ctx: RequestContext, deployment: AdapterDeployment, body: Record<string, unknown>): UpstreamRequest;
  /** Translates a complete (non-streaming) upstream JSON answer into OpenAI's response shape. */
  translateResponse(ctx: RequestContext, deployment: AdapterDeployment, upstream: unknown): Record<string, unknown>;
  /** A stateful translator for one streaming response. */
  createStreamTranslator(ctx: RequestContext, deployment: AdapterDeployment): StreamTranslator;
  /** Maps an upstream error answer (status + body text) to an OpenAI-shaped error. */
  translateError(status: number, bodyText: string): TranslatedError;
  /**
   * Optional. True when upstream answers are already OpenAI-shaped: the core then forwards JSON bodies and
   * SSE bytes unchanged (after checking them) instead of calling translateResponse / the stream translator.
   */
  readonly passThrough?: boolean;
  /** Optional. Base URL per prefix used when a deployment sets no `api_base`. */
  readonly defaultApiBases?: Readonly<Record<string, string>>;
}
