// From an incoming request to its handler: CORS (and preflight), the route lookup, authentication for
// every route that is not open, 404 and 405, and the request-log line for model requests.
import { authenticateHeader } from '../auth.js';
import type { RequestLog } from '../log/request-log.js';
import { sendError, type Exchange } from './exchange.js';
import type { PathRoutes } from './routes.js';

const EXPOSED_HEADERS =
  'x-request-id, x-rainymodel-route, x-rainymodel-upstream, x-rainymodel-model, x-rainymodel-latency-ms, x-rainymodel-fallback-reason, x-rainymodel-tried, retry-after, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests, x-ratelimit-limit-tokens, x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens, x-rainymodel-cache';

/** Adds the CORS headers for an allowed origin; true when the request's origin is allowed. */
function cors(r: Exchange): boolean {
  const origin = r.req.headers.origin;
  if (!origin) return false;
  const allowed = r.table.corsOrigins.has(origin) || r.table.corsOrigins.has('*');
  if (allowed) {
    r.headers['access-control-allow-origin'] = origin;
    r.headers.vary = 'Origin';
    r.headers['access-control-expose-headers'] = EXPOSED_HEADERS;
  }
  return allowed;
}

function preflight(r: Exchange, corsAllowed: boolean): void {
  if (!corsAllowed) {
    return sendError(r, 403, { message: 'origin not allowed (rainymodel.cors.allow_origins)', type: 'invalid_request_error', code: 'cors_forbidden' });
  }
  r.res.writeHead(204, {
    ...r.headers,
    'access-control-allow-methods': 'GET, POST, OPTIONS',
    'access-control-allow-headers': r.req.headers['access-control-request-headers'] ?? 'authorization, content-type, x-rainymodel-policy, x-request-id',
    'access-control-max-age': '600',
  });
  r.res.end();
}

/** Checks the Authorization header when keys are configured; answers 401 and returns false when it fails. */
function authenticate(r: Exchange, xApiKey: boolean): boolean {
  const { req, table } = r;
  if (table.authKeys.length === 0) {
    r.rateKey = req.socket.remoteAddress ?? 'unknown';
    return true;
  }
  const header = req.headers.authorization;
  const apiKey = xApiKey && header === undefined ? req.headers['x-api-key'] : undefined;
  // As a Bearer header, so an x-api-key that authenticated before skips the hash like Authorization does.
  const key = authenticateHeader(table.authKeys, typeof apiKey === 'string' ? `Bearer ${apiKey}` : header);
  if (!key) {
    const missing = xApiKey ? 'missing API key: send x-api-key: <key> or Authorization: Bearer <key>' : 'missing API key: send Authorization: Bearer <key>';
    sendError(r, 401, { message: header || apiKey ? 'invalid API key' : missing, type: 'authentication_error', code: 'invalid_api_key' });
    return false;
  }
  r.key = key;
  r.keyLabel = key.label;
  r.rateKey = key.id;
  return true;
}

export async function dispatch(r: Exchange, routes: PathRoutes, requestLog: RequestLog): Promise<void> {
  const { req } = r;
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const path = q < 0 ? url : url.slice(0, q);
  const corsAllowed = cors(r);
  const method = req.method ?? 'GET';
  if (method === 'OPTIONS') return preflight(r, corsAllowed);
  const found = routes.lookup(method, path);
  // Probes and the Prometheus scrape stay open (they expose no upstream data and no secrets).
  if (found.kind === 'found' && found.route.access === 'open') return found.route.handler(r, found.match);
  if (found.kind === 'found') r.errorShape = found.route.errorShape;
  if (!authenticate(r, found.kind === 'found' && found.route.xApiKey === true)) return;
  if (found.kind === 'wrong_method') {
    return sendError(r, 405, { message: `${path} accepts ${found.allowed} only`, type: 'invalid_request_error', code: 'method_not_allowed' });
  }
  if (found.kind === 'none') {
    return sendError(r, 404, { message: `no route for ${method} ${path}`, type: 'invalid_request_error', code: 'not_found' });
  }
  await found.route.handler(r, found.match);
  if (found.route.logged) requestLog.write(r, path);
}
