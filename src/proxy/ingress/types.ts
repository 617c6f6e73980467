// The seam between the proxy core and an ingress API other than chat completions (Anthropic Messages,
// OpenAI Responses). The core routes, retries and streams exactly as for chat; per attempt it asks the
// ingress request for an `IngressAttempt`, which builds the upstream request and turns the upstream's
// answer (JSON or SSE) into the client's API. Everything here is pure: no sockets, no timers, no logs.
import type { AdapterDeployment, ProviderAdapter, TranslatedError, UpstreamRequest } from '../providers/types.js';

export type Json = Record<string, unknown>;

export type IngressApiName = 'messages' | 'responses' | 'count_tokens';

/** Token counts read from an answer, for metrics, logs and tpm limits. */
export interface TokenUsage {
  prompt?: number;
  completion?: number;
}

/** What a stream translator hands the core for one piece of upstream text. */
export type IngressStreamEvent =
  /** SSE text for the client (one or more complete events). The first one commits the attempt. */
  | { kind: 'data'; text: string }
  /** The upstream reported an error: before the first `data` the core falls back; after it, `fail()`. */
  | { kind: 'error'; error: TranslatedError }
  /** The upstream finished; `text` holds the closing events. */
  | { kind: 'done'; text: string };

export interface IngressStreamTranslator {
  /** Raw upstream text (split anywhere) in, events out. */
  push(text: string): IngressStreamEvent[];
  /** The upstream body ended: flushes, and reports a truncated stream as an error event. */
  end(): IngressStreamEvent[];
  /** After the stream was committed, the API's own error event(s) that end it. */
  fail(message: string, code: string): string;
  /** Usage seen so far (complete once `done` was returned). */
  usage(): TokenUsage;
}

/** One attempt of an ingress request against one deployment. */
export interface IngressAttempt {
  request: UpstreamRequest;
  /** A complete upstream JSON answer -> the client's answer; throws when the answer is unusable. */
  answer(upstream: unknown): { body: Json; usage: TokenUsage };
  stream(): IngressStreamTranslator;
  translateError(status: number, bodyText: string): TranslatedError;
  /** True when the deployment got the client's request in its own format (no translation). */
  native: boolean;
}

/** An OpenAI-shaped error as the core produces it (status aside). */
export interface CoreError {
  message: string;
  type: string;
  code: string | null;
  param?: string | null;
}

export interface IngressRequest {
  api: IngressApiName;
  /** The model name the client asked for. */
  model: string;
  stream: boolean;
  /** What the translation to chat completions leaves out, for one debug line (empty for native routes). */
  dropped: readonly string[];
  /**
   * Builds the attempt for one deployment. Throws a 400-status error (see providers/common invalidRequest)
   * when the request cannot be expressed for that provider: the client's mistake, not the upstream's.
   */
  prepare(adapter: ProviderAdapter, deployment: AdapterDeployment): IngressAttempt;
  /** Optional: false for deployments this request cannot use at all (skipped without an attempt). */
  serves?(deployment: AdapterDeployment): boolean;
  /** The body of an error answer in this API's shape. */
  errorBody(status: number, error: CoreError, requestId: string): Json;
}
