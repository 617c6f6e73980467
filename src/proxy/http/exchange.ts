// One client request while it is handled (an "exchange"): the state every stage shares, from the
// route lookup through the attempts to the request log, and the helpers that write its answer's head
// and its errors in OpenAI's JSON shape.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Endpoint, RequestContext } from '../providers/types.js';
import type { ModelGroup, RouteTable, RuntimeDeployment } from '../table.js';
import type { CacheStatus } from '../fleet/cache.js';
import type { UpstreamAbort } from '../upstream/abort.js';
import type { AuthKey } from '../auth.js';
import type { CoreError, IngressAttempt, IngressRequest } from '../ingress/types.js';

export interface Exchange {
  id: string;
  /**
   * Response headers gathered while the request is handled (request id, rate limit, CORS, cache) and
   * written with the status line in one writeHead: no setHeader calls, so node takes its fast path.
   */
  headers: Record<string, string>;
  start: number;
  req: IncomingMessage;
  res: ServerResponse;
  table: RouteTable;
  endpoint: Endpoint;
  stream: boolean;
  body: Record<string, unknown>;
  raw: string;
  rawBytes?: Buffer;
  ctx: RequestContext;
  /** The caller's key, when keys are configured and it was valid. */
  key?: AuthKey;
  keyLabel: string;
  rateKey: string;
  clientGone: boolean;
  abort?: UpstreamAbort;
  group?: ModelGroup;
  served?: RuntimeDeployment;
  tried: string[];
  fallbackReason?: string;
  promptTokens?: number;
  completionTokens?: number;
  upstreamMs?: number;
  policy?: string;
  model?: string;
  /** Response cache: the outcome of the lookup, and the key to store a 200 answer under (unless no-store). */
  cache?: CacheStatus;
  cacheKey?: string;
  /** A request that came in through another API than OpenAI's (Anthropic Messages, OpenAI Responses). */
  ingress?: IngressRequest;
  /** The current attempt of an ingress request (its upstream request and answer translation). */
  ingressAttempt?: IngressAttempt;
  /** Errors in that API's shape, set from the route before anything can fail (401 included). */
  errorShape?: (status: number, error: CoreError, requestId: string) => Record<string, unknown>;
}

export function newExchange(id: string, req: IncomingMessage, res: ServerResponse, table: RouteTable): Exchange {
  return {
    id,
    headers: { 'x-request-id': id },
    start: performance.now(),
    req,
    res,
    table,
    endpoint: 'chat',
    stream: false,
    body: {},
    raw: '',
    ctx: { endpoint: 'chat', stream: false, requestModel: '' },
    keyLabel: 'anonymous',
    rateKey: '',
    clientGone: false,
    tried: [],
  };
}

export interface OpenAIErrorBody {
  message: string;
  type: string;
  code: string | null;
  param?: string | null;
}

export function sendJson(r: Exchange, status: number, body: unknown, headers?: Record<string, string>): void {
  const res = r.res;
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  const h = r.headers;
  h['content-type'] = 'application/json';
  h['content-length'] = String(Buffer.byteLength(text));
  if (headers) Object.assign(h, headers);
  res.writeHead(status, h);
  res.end(text);
}

export function sendError(r: Exchange, status: number, error: OpenAIErrorBody, headers?: Record<string, string>): void {
  const full = { param: null, ...error };
  sendJson(r, status, r.errorShape ? r.errorShape(status, full, r.id) : { error: full }, headers);
}

/** Adds the how-it-was-served headers to the request's response headers (and returns them). */
export function successHeaders(r: Exchange, d: RuntimeDeployment, contentType: string): Record<string, string> {
  const headers = r.headers;
  headers['content-type'] = contentType;
  headers['x-rainymodel-route'] = d.tier;
  headers['x-rainymodel-upstream'] = d.provider;
  headers['x-rainymodel-model'] = d.upstreamModel;
  headers['x-rainymodel-latency-ms'] = String(Math.round(performance.now() - r.start));
  if (r.tried.length > 0) {
    headers['x-rainymodel-tried'] = r.tried.join(',');
    if (r.fallbackReason) headers['x-rainymodel-fallback-reason'] = r.fallbackReason;
  }
  return headers;
}

export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
