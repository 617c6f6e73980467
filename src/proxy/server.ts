// The bundled proxy's HTTP server: endpoints, auth, limits, and the attempt loop that walks a request's
// deployments (policy order, retries, group fallbacks) and streams the first usable answer to the client.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Dispatcher } from 'undici';
import type { Diagnostic } from '../shared/diagnostics.js';
import { RainyModelError } from '../shared/errors.js';
import { loadCompiledConfig } from './config-load.js';
import { authenticateHeader, type AuthKey } from './auth.js';
import type { RateDecision } from './limits.js';
import { jsonString, rawLineWriter, type Logger } from './logging.js';
import { ProxyMetrics, failureClass } from './metrics.js';
import { isRetryableStatus } from './providers/openai-compatible.js';
import type { Endpoint, RequestContext, StreamEvent, TranslatedError, UpstreamRequest } from './providers/types.js';
import { orderDeployments } from './router.js';
import { StateStore } from './state.js';
import { buildRouteTable, deploymentIds, TableBuildError, type ModelGroup, type RouteTable, type RuntimeDeployment } from './table.js';
import { validateRequest } from './validate-request.js';
import { youngGenerationCap } from './young-generation.js';
import { Fleet } from './fleet/fleet.js';
import { writeCacheHit, type CacheStatus } from './fleet/cache.js';
import { ERROR_PAYLOAD, EVENT_BOUNDARY, sseErrorEvent, SSE_DONE } from './sse.js';

export class ConfigLoadError extends RainyModelError {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super('config/invalid', message);
  }
}

export interface ProxyServerOptions {
  configPath: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Longest wait for in-flight requests on shutdown before connections are cut. */
  drainTimeoutMs?: number;
}

export type ReloadResult = { ok: true; deployments: number; warnings: readonly string[] } | { ok: false; message: string; diagnostics: Diagnostic[] };

const ENDPOINTS: ReadonlyMap<string, Endpoint> = new Map([
  ['/v1/chat/completions', 'chat'],
  ['/chat/completions', 'chat'],
  ['/v1/completions', 'completion'],
  ['/completions', 'completion'],
  ['/v1/embeddings', 'embedding'],
  ['/embeddings', 'embedding'],
]);

const REQUEST_ID = /^[\w.:@-]{1,128}$/;
const PROMPT_TOKENS = /"prompt_tokens"\s*:\s*(\d+)/;
const COMPLETION_TOKENS = /"completion_tokens"\s*:\s*(\d+)/;
const EXPOSED_HEADERS =
  'x-request-id, x-rainymodel-route, x-rainymodel-upstream, x-rainymodel-model, x-rainymodel-latency-ms, x-rainymodel-fallback-reason, x-rainymodel-tried, retry-after, x-ratelimit-limit-requests, x-ratelimit-remaining-requests, x-ratelimit-reset-requests, x-ratelimit-limit-tokens, x-ratelimit-remaining-tokens, x-ratelimit-reset-tokens, x-rainymodel-cache';
const MAX_RETRY_AFTER_MS = 3_600_000;
/** Young generation semi-space while the config is read, and while serving (V8's own maximum is 16). */
const STARTUP_SEMI_SPACE_MB = 1;
const SERVING_SEMI_SPACE_MB = 8;
const FIRST_EVENT_LIMIT = 1 << 20;

class BodyTooLargeError extends Error {}

/**
 * Cancels one upstream attempt. undici accepts any emitter of 'abort' with an `aborted` flag, and this
 * costs a fraction of an AbortController (which showed up in per-request CPU profiles).
 */
class UpstreamAbort extends EventEmitter {
  aborted = false;

  abort(): void {
    if (this.aborted) return;
    this.aborted = true;
    this.emit('abort');
  }
}

/** Per-request state shared by the attempt loop, the close handler and the log line. */
interface Req {
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
}

type Outcome =
  | { kind: 'served' }
  | { kind: 'client_error' }
  | { kind: 'aborted' }
  | { kind: 'failed'; reason: string; status?: number; retryAfterMs?: number; auth?: boolean; message: string };

interface OpenAIErrorBody {
  message: string;
  type: string;
  code: string | null;
  param?: string | null;
}

function sendJson(r: Req, status: number, body: unknown, headers?: Record<string, string>): void {
  const res = r.res;
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(body);
  const h = r.headers;
  h['content-type'] = 'application/json';
  h['content-length'] = String(Buffer.byteLength(text));
  if (headers) for (const k in headers) h[k] = headers[k];
  res.writeHead(status, h);
  res.end(text);
}

function sendError(r: Req, status: number, error: OpenAIErrorBody, headers?: Record<string, string>): void {
  sendJson(r, status, { error: { param: null, ...error } }, headers);
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const USAGE_KEY = Buffer.from('"usage"');
const CHOICES_KEY = Buffer.from('"choices"');
const DATA_KEY = Buffer.from('"data"');

/** True when the bytes start with `{` and end with `}` (whitespace aside): a cheap shape check. */
function looksLikeObject(b: Buffer): boolean {
  let i = 0;
  while (i < b.length && b[i] <= 0x20) i++;
  let j = b.length - 1;
  while (j > i && b[j] <= 0x20) j--;
  return b[i] === OPEN_BRACE && b[j] === CLOSE_BRACE;
}

function parseRetryAfter(value: string | string[] | undefined): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const seconds = Number(v);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, MAX_RETRY_AFTER_MS);
  const date = Date.parse(v);
  if (Number.isFinite(date)) return Math.min(Math.max(0, date - Date.now()), MAX_RETRY_AFTER_MS);
  return undefined;
}

function errorCode(err: unknown): string {
  if (err !== null && typeof err === 'object') {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const cause = (err as { cause?: unknown }).cause;
    if (cause) return errorCode(cause);
  }
  return 'network_error';
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export class ProxyServer {
  private table: RouteTable;
  private readonly store: StateStore;
  private readonly server: Server;
  readonly metrics: ProxyMetrics;
  /** Shared state through Redis (fleet mode) and the response cache; inert without either in the config. */
  readonly fleet: Fleet;
  private readonly log: Logger;
  /** The per-request line, serialised here rather than by pino's generic object walk (see rawLineWriter). */
  private readonly requestLine: ReturnType<typeof rawLineWriter>;
  private readonly servedFields = new WeakMap<RuntimeDeployment, string>();
  private inflight = 0;
  private draining = false;
  private drained?: () => void;
  private shutdownPromise?: Promise<void>;
  private reloadChain: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: ProxyServerOptions,
    table: RouteTable,
    store: StateStore,
  ) {
    this.table = table;
    this.store = store;
    this.log = options.logger;
    this.requestLine = rawLineWriter(this.log, 'request');
    this.metrics = new ProxyMetrics(() => this.table);
    this.fleet = new Fleet({ logger: this.log, registry: this.metrics.registry, store });
    this.server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => this.onRequest(req, res));
    this.server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  /** Loads and checks the config and builds the first route table; throws ConfigLoadError when invalid. */
  static async create(options: ProxyServerOptions): Promise<ProxyServer> {
    // Start-up (reading and checking the config) runs in V8's initial young generation; listen() raises
    // the cap to the serving size (see young-generation.ts).
    youngGenerationCap(STARTUP_SEMI_SPACE_MB);
    const store = new StateStore();
    const table = await ProxyServer.loadTable(options, store);
    if (!table.ok) throw new ConfigLoadError(table.message, table.diagnostics);
    const server = new ProxyServer(options, table.table, store);
    await server.fleet.configure(table.table);
    server.announceTable(table.table, 'config loaded');
    return server;
  }

  private static async loadTable(
    options: ProxyServerOptions,
    store: StateStore,
  ): Promise<{ ok: true; table: RouteTable } | { ok: false; message: string; diagnostics: Diagnostic[] }> {
    const loaded = await loadCompiledConfig(options.configPath, options.env);
    if (!loaded.ok) {
      return { ok: false, message: `${options.configPath}: invalid config (${loaded.diagnostics.length} problem(s))`, diagnostics: loaded.diagnostics };
    }
    try {
      return { ok: true, table: buildRouteTable({ config: loaded.config, missing: loaded.missing, store, sha256: loaded.sha256 }) };
    } catch (err) {
      if (err instanceof TableBuildError) {
        const d: Diagnostic = { code: 'serve/config', severity: 'error', message: err.message, file: options.configPath, line: 0, col: 0, pointer: '' };
        return { ok: false, message: `${options.configPath}: ${err.message}`, diagnostics: [d] };
      }
      throw err;
    }
  }

  private announceTable(table: RouteTable, msg: string): void {
    for (const w of table.warnings) this.log.warn({ event: 'config_warning' }, w);
    if (table.authKeys.length === 0) {
      this.log.warn({ event: 'auth_disabled' }, 'AUTH DISABLED: no general_settings.master_key and no rainymodel.auth.keys; anyone who can reach this port can use every upstream');
    }
    this.log.info(
      { event: 'config_loaded', config: this.options.configPath, model_groups: table.groups.size, deployments: table.deployments.length, policies: table.policyList },
      msg,
    );
  }

  async listen(port: number, host: string): Promise<{ host: string; port: number; url: string }> {
    await new Promise<void>((resolve, reject) => {
      const onError = (err: Error): void => reject(err);
      this.server.once('error', onError);
      this.server.listen(port, host, () => {
        this.server.off('error', onError);
        resolve();
      });
    });
    youngGenerationCap(STARTUP_SEMI_SPACE_MB)?.setLimit(SERVING_SEMI_SPACE_MB);
    const addr = this.server.address() as AddressInfo;
    const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    const url = `http://${shownHost}:${addr.port}`;
    this.log.info({ event: 'listening', address: url, host: addr.address, port: addr.port }, `rmctl serve listening on ${url}`);
    return { host: addr.address, port: addr.port, url };
  }

  get currentTable(): RouteTable {
    return this.table;
  }

  /** Loads, checks and builds the new table before swapping; on any problem the old table keeps serving. */
  reload(trigger: string): Promise<ReloadResult> {
    const run = async (): Promise<ReloadResult> => {
      const next = await ProxyServer.loadTable(this.options, this.store);
      if (!next.ok) {
        this.metrics.reloads.inc({ result: 'rejected' });
        this.log.error({ event: 'reload_rejected', trigger, diagnostics: next.diagnostics }, `reload rejected, still serving the previous config: ${next.message}`);
        return { ok: false, message: next.message, diagnostics: next.diagnostics };
      }
      const old = this.table;
      this.table = next.table;
      this.store.retainOnly(deploymentIds(next.table));
      await this.fleet.configure(next.table);
      void old.retire();
      this.metrics.reloads.inc({ result: 'ok' });
      this.announceTable(next.table, `config reloaded (${trigger})`);
      return { ok: true, deployments: next.table.deployments.length, warnings: next.table.warnings };
    };
    // Reloads run one at a time, in the order they were asked for.
    const p = this.reloadChain.then(run, run);
    this.reloadChain = p.catch(() => undefined);
    return p;
  }

  /** Stops accepting connections, lets in-flight requests finish (up to the drain timeout), closes pools. */
  shutdown(): Promise<void> {
    this.shutdownPromise ??= (async () => {
      this.draining = true;
      this.log.info({ event: 'draining', in_flight: this.inflight }, 'shutting down: draining in-flight requests');
      const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
      this.server.closeIdleConnections();
      if (this.inflight > 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.drainTimeoutMs ?? 30_000);
          timer.unref();
          this.drained = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
      this.server.closeAllConnections();
      await closed;
      await this.table.retire();
      await this.fleet.close();
      this.log.info({ event: 'stopped', in_flight: this.inflight }, 'rmctl serve stopped');
    })();
    return this.shutdownPromise;
  }

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    const table = this.table;
    table.acquire();
    this.inflight++;
    this.metrics.inFlightNow++;
    const incomingId = req.headers['x-request-id'];
    const id = typeof incomingId === 'string' && REQUEST_ID.test(incomingId) ? incomingId : randomUUID();
    const r: Req = {
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
    if (this.draining) r.headers.connection = 'close';
    res.once('close', () => {
      if (!res.writableFinished) {
        r.clientGone = true;
        r.abort?.abort();
      }
      table.release();
      this.inflight--;
      this.metrics.inFlightNow--;
      if (this.inflight === 0 && this.drained) this.drained();
    });
    req.on('error', () => {
      r.clientGone = true;
    });
    this.dispatch(r).catch((err: unknown) => {
      this.log.error({ event: 'internal_error', req_id: id, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, 'unexpected error while handling a request');
      if (!res.headersSent) sendError(r, 500, { message: 'internal error in rmctl serve', type: 'api_error', code: 'internal_error' });
      else res.destroy();
    });
  }

  private cors(r: Req): boolean {
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

  private async dispatch(r: Req): Promise<void> {
    const { req, res, table } = r;
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const corsAllowed = this.cors(r);
    if (req.method === 'OPTIONS') {
      if (!corsAllowed) {
        sendError(r, 403, { message: 'origin not allowed (rainymodel.cors.allow_origins)', type: 'invalid_request_error', code: 'cors_forbidden' });
        return;
      }
      res.writeHead(204, {
        ...r.headers,
        'access-control-allow-methods': 'GET, POST, OPTIONS',
        'access-control-allow-headers': req.headers['access-control-request-headers'] ?? 'authorization, content-type, x-rainymodel-policy, x-request-id',
        'access-control-max-age': '600',
      });
      res.end();
      return;
    }

    // Probes and the Prometheus scrape stay open (they expose no upstream data and no secrets).
    if (req.method === 'GET') {
      if (path === '/health/liveliness' || path === '/health/liveness') return sendJson(r, 200, { status: 'ok' });
      if (path === '/health/readiness') {
        if (this.draining) return sendJson(r, 503, { status: 'draining' });
        return sendJson(r, 200, { status: 'ready', model_groups: table.groups.size, deployments: table.deployments.length, config_sha256: table.configSha256 });
      }
      if (path === '/metrics') {
        const text = await this.metrics.registry.metrics();
        res.writeHead(200, { ...r.headers, 'content-type': this.metrics.registry.contentType });
        res.end(text);
        return;
      }
    }

    let key: AuthKey | undefined;
    if (table.authKeys.length > 0) {
      const header = req.headers.authorization;
      key = authenticateHeader(table.authKeys, header);
      if (!key) {
        return sendError(r, 401, {
          message: header ? 'invalid API key' : 'missing API key: send Authorization: Bearer <key>',
          type: 'authentication_error',
          code: 'invalid_api_key',
        });
      }
      r.keyLabel = key.label;
      r.rateKey = key.label;
    } else {
      r.rateKey = req.socket.remoteAddress ?? 'unknown';
    }

    const endpoint = ENDPOINTS.get(path);
    if (endpoint !== undefined) {
      if (req.method !== 'POST') return sendError(r, 405, { message: `${path} accepts POST only`, type: 'invalid_request_error', code: 'method_not_allowed' });
      await this.handleCompletion(r, endpoint);
      this.logRequest(r, path);
      return;
    }
    if (req.method === 'GET') {
      if (path === '/v1/models' || path === '/models') {
        const created = Math.floor(table.builtAt / 1000);
        return sendJson(r, 200, { object: 'list', data: table.publicModels.map((id) => ({ id, object: 'model', created, owned_by: 'rainymodel' })) });
      }
      if (path === '/health') return sendJson(r, 200, this.healthView(table));
      if (path === '/metrics/json') return sendJson(r, 200, await this.metrics.registry.getMetricsAsJSON());
      if (path === '/v1/metrics/providers') return sendJson(r, 200, { providers: this.metrics.providersSummary(table) });
    }
    if (path === '/admin/reload') {
      if (req.method !== 'POST') return sendError(r, 405, { message: '/admin/reload accepts POST only', type: 'invalid_request_error', code: 'method_not_allowed' });
      if (!key?.master) {
        return sendError(r, 403, {
          message: table.authKeys.some((k) => k.master) ? '/admin/reload needs the master key' : '/admin/reload is disabled: set general_settings.master_key',
          type: 'permission_error',
          code: 'forbidden',
        });
      }
      const result = await this.reload('admin');
      if (result.ok) return sendJson(r, 200, { status: 'reloaded', deployments: result.deployments, warnings: result.warnings });
      return sendJson(r, 422, { error: { message: result.message, type: 'invalid_request_error', code: 'invalid_config', param: null }, diagnostics: result.diagnostics });
    }
    sendError(r, 404, { message: `no route for ${req.method ?? 'GET'} ${path}`, type: 'invalid_request_error', code: 'not_found' });
  }

  private healthView(table: RouteTable): Record<string, unknown> {
    const now = Date.now();
    const deployments = table.deployments.map((d) => ({
      id: d.id,
      model_name: d.modelName,
      provider: d.provider,
      tier: d.tier,
      upstream_model: d.upstreamModel,
      api_base: d.apiBase || null,
      circuit: d.disabledReason ? 'disabled' : d.state.circuitState(now),
      cooldown_remaining_ms: d.state.cooldownRemainingMs(now),
      recent_failures: d.state.recentFailures(now),
      in_flight: d.state.inflight,
      last_error: d.state.lastError ?? null,
      disabled_reason: d.disabledReason ?? null,
    }));
    const healthy = deployments.filter((d) => d.circuit === 'closed' || d.circuit === 'half_open');
    return {
      status: healthy.length > 0 ? 'healthy' : 'unhealthy',
      healthy_count: healthy.length,
      unhealthy_count: deployments.length - healthy.length,
      deployments,
    };
  }

  private readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      let failed = false;
      req.on('data', (chunk: Buffer) => {
        if (failed) return;
        size += chunk.length;
        if (size > limit) {
          failed = true;
          reject(new BodyTooLargeError());
          return;
        }
        chunks.push(chunk);
      });
      req.once('end', () => {
        if (!failed) resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      });
      req.once('error', (err) => {
        if (!failed) reject(err);
      });
    });
  }

  private async handleCompletion(r: Req, endpoint: Endpoint): Promise<void> {
    const { req, res, table } = r;
    r.endpoint = endpoint;
    // In fleet mode the shared key limit is decided in the gate below, in the same Redis round trip as
    // the cache lookup (which needs the parsed body).
    if (table.rateLimiter && !this.fleet.ownsKeyLimit(table)) {
      if (!this.applyKeyLimit(r, table.rateLimiter.check(r.rateKey, Date.now()))) return;
    }
    const limit = table.settings.maxBodyBytes;
    const declared = Number(req.headers['content-length']);
    const tooLarge = (): void => {
      sendError(r, 413, { message: `request body exceeds ${limit} bytes (general_settings.max_request_size_mb)`, type: 'invalid_request_error', code: 'request_too_large' }, { connection: 'close' });
    };
    if (Number.isFinite(declared) && declared > limit) return tooLarge();
    try {
      r.rawBytes = await this.readBody(req, limit);
      r.raw = r.rawBytes.toString('utf8');
    } catch (err) {
      if (err instanceof BodyTooLargeError) return tooLarge();
      r.clientGone = true;
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(r.raw);
    } catch (err) {
      return sendError(r, 400, { message: `request body is not valid JSON: ${(err as Error).message}`, type: 'invalid_request_error', code: 'invalid_json' });
    }
    const problem = validateRequest(endpoint, parsed);
    if (problem) return sendError(r, 400, { message: problem.message, type: 'invalid_request_error', code: problem.code, param: problem.param });
    const body = parsed as Record<string, unknown>;
    r.body = body;
    const model = body.model as string;
    r.model = model;
    r.stream = body.stream === true && endpoint !== 'embedding';
    r.ctx = { endpoint, stream: r.stream, requestModel: model, rawBody: r.raw, rawBytes: r.rawBytes };

    const policyHeader = req.headers['x-rainymodel-policy'];
    const policy = typeof policyHeader === 'string' && policyHeader !== '' ? policyHeader.trim().toLowerCase() : table.defaultPolicy;
    if (!table.policies.has(policy)) {
      return sendError(r, 400, { message: `unknown X-RainyModel-Policy "${policy}"; valid policies: ${table.policyList}`, type: 'invalid_request_error', code: 'invalid_policy', param: 'X-RainyModel-Policy' });
    }
    r.policy = policy;
    const resolved = table.resolve(model);
    if (!resolved) {
      return sendError(r, 404, { message: `model "${model}" not found; GET /v1/models lists the available names`, type: 'invalid_request_error', code: 'model_not_found', param: 'model' });
    }
    r.group = resolved.group;
    if (this.fleet.gated(table)) {
      const gate = await this.fleet.gate({ table, rateKey: r.rateKey, endpoint, stream: r.stream, group: resolved.group.name, policy, body, cacheControl: req.headers['cache-control'] });
      if (gate.rate && !this.applyKeyLimit(r, gate.rate)) return;
      if (gate.cache) {
        r.cache = gate.cache.status;
        r.headers['x-rainymodel-cache'] = gate.cache.status;
        if (gate.cache.hit) return writeCacheHit(res, gate.cache.hit, r.start, r.headers);
        r.cacheKey = gate.cache.storeKey;
      }
    }
    await this.route(r, this.cachedFallbackChain(table, resolved.group, resolved.viaAlias), policy);
  }

  /** Sets the x-ratelimit-* headers; answers 429 and returns false when the key is over its limit. */
  private applyKeyLimit(r: Req, decision: RateDecision): boolean {
    const h = decision.headers;
    for (const k in h) r.headers[k] = h[k];
    if (decision.allowed) return true;
    this.metrics.rateLimited.inc({ scope: 'key' });
    sendError(r, 429, { message: `rate limit exceeded for this key; retry in ${decision.retryAfterS}s`, type: 'rate_limit_error', code: 'rate_limit_exceeded' }, { 'retry-after': String(decision.retryAfterS) });
    return false;
  }

  /** fallbackChain() per group and alias: tables are immutable, so a chain is worked out once. */
  private readonly chains = new WeakMap<ModelGroup, Map<string, readonly ModelGroup[]>>();

  private cachedFallbackChain(table: RouteTable, group: ModelGroup, alias: string | undefined): readonly ModelGroup[] {
    let byAlias = this.chains.get(group);
    if (byAlias === undefined) {
      byAlias = new Map();
      this.chains.set(group, byAlias);
    }
    const key = alias ?? '';
    let chain = byAlias.get(key);
    if (chain === undefined) {
      chain = this.fallbackChain(table, group, alias);
      byAlias.set(key, chain);
    }
    return chain;
  }

  /** The group, then configured fallbacks (those keyed by the requested alias first), bounded by max_fallbacks. */
  private fallbackChain(table: RouteTable, group: ModelGroup, alias: string | undefined): ModelGroup[] {
    const names = [...(alias ? table.fallbacks.get(alias) ?? [] : []), ...(table.fallbacks.get(group.name) ?? [])];
    const targets = names.length > 0 ? names : table.defaultFallbacks;
    const chain = [group];
    const seen = new Set([group.name]);
    for (const name of targets) {
      if (chain.length > table.settings.maxFallbacks) break;
      const g = table.resolveTarget(name);
      if (!g || seen.has(g.name)) continue;
      seen.add(g.name);
      chain.push(g);
    }
    return chain;
  }

  private async route(r: Req, chain: readonly ModelGroup[], policy: string): Promise<void> {
    const { table } = r;
    const numRetries = table.settings.numRetries;
    const perGroup = numRetries === undefined ? Number.POSITIVE_INFINITY : numRetries + 1;
    const failures: Array<{ d: RuntimeDeployment; outcome: Extract<Outcome, { kind: 'failed' }> }> = [];
    let skippedCooldown = 0;
    let skippedLimit = 0;
    // Deployments that cannot serve this endpoint at all (an anthropic/ deployment asked for embeddings):
    // passed over without an attempt, and never counted against their health.
    let skippedEndpoint = 0;
    let earliestRetryMs = Number.POSITIVE_INFINITY;
    for (const group of chain) {
      let attempts = 0;
      for (const d of orderDeployments(group, policy, Date.now())) {
        if (attempts >= perGroup) break;
        if (r.clientGone) return;
        if (d.adapter && !d.adapter.endpoints.includes(r.endpoint)) {
          skippedEndpoint++;
          continue;
        }
        const now = Date.now();
        if (!d.state.hasCapacity(now, d.rpm, d.tpm) || this.fleet.deploymentFull(d, now) || (d.maxParallel !== undefined && d.state.inflight >= d.maxParallel)) {
          skippedLimit++;
          this.metrics.rateLimited.inc({ scope: 'deployment' });
          earliestRetryMs = Math.min(earliestRetryMs, d.state.windowResetMs(now) || 1000);
          continue;
        }
        if (!table.settings.disableCooldowns && !d.state.tryEnter(now)) {
          skippedCooldown++;
          earliestRetryMs = Math.min(earliestRetryMs, d.state.cooldownRemainingMs(now) || 1000);
          continue;
        }
        attempts++;
        const outcome = await this.attempt(r, group, d);
        if (outcome.kind === 'served' || outcome.kind === 'client_error' || outcome.kind === 'aborted') {
          if (outcome.kind !== 'served') d.state.releaseProbe();
          return;
        }
        this.recordFailure(r, group, d, outcome);
        failures.push({ d, outcome });
        r.tried.push(`${d.id}:${outcome.reason}`);
        r.fallbackReason ??= outcome.reason;
      }
    }
    const latency = String(Math.round(performance.now() - r.start));
    const triedHeader = r.tried.join(',');
    if (failures.length === 0) {
      if (skippedEndpoint > 0 && skippedLimit === 0 && skippedCooldown === 0) {
        const what = r.endpoint === 'chat' ? 'chat completions' : r.endpoint === 'completion' ? 'text completions' : 'embeddings';
        return sendError(r, 400, { message: `"${r.model}" does not serve ${what}: none of its deployments' providers offer it`, type: 'invalid_request_error', code: 'unsupported_endpoint', param: 'model' }, { 'x-rainymodel-latency-ms': latency });
      }
      const retryAfter = String(Math.max(1, Math.ceil((Number.isFinite(earliestRetryMs) ? earliestRetryMs : 1000) / 1000)));
      if (skippedLimit > 0 && skippedCooldown === 0) {
        return sendError(r, 429, { message: `every deployment of "${r.model}" is at its rpm/tpm/parallel limit`, type: 'rate_limit_error', code: 'deployments_rate_limited' }, { 'retry-after': retryAfter, 'x-rainymodel-latency-ms': latency });
      }
      return sendError(r, 503, { message: `no healthy deployment for "${r.model}" (policy ${policy}): ${skippedCooldown} cooling down, ${skippedLimit} at their limits`, type: 'api_error', code: 'no_healthy_deployment' }, { 'retry-after': retryAfter, 'x-rainymodel-latency-ms': latency });
    }
    const headers: Record<string, string> = { 'x-rainymodel-tried': triedHeader, 'x-rainymodel-latency-ms': latency };
    if (r.fallbackReason) headers['x-rainymodel-fallback-reason'] = r.fallbackReason;
    const summary = failures.map((f) => `${f.d.id} (${f.outcome.reason}: ${f.outcome.message})`).join('; ');
    if (failures.every((f) => f.outcome.status === 429)) {
      const wait = Math.min(...failures.map((f) => f.outcome.retryAfterMs ?? 1000));
      headers['retry-after'] = String(Math.max(1, Math.ceil(wait / 1000)));
      return sendError(r, 429, { message: `every upstream is rate limited: ${summary}`, type: 'rate_limit_error', code: 'upstream_rate_limited' }, headers);
    }
    sendError(r, 502, { message: `all upstreams failed: ${summary}`, type: 'api_error', code: 'all_upstreams_failed' }, headers);
  }

  private recordFailure(r: Req, group: ModelGroup, d: RuntimeDeployment, o: Extract<Outcome, { kind: 'failed' }>): void {
    const now = Date.now();
    const settings = r.table.settings;
    if (settings.disableCooldowns) {
      d.state.lastError = o.reason;
      d.state.lastErrorAt = now;
    } else if (o.auth) {
      // A rejected upstream key will not heal by itself: keep that deployment out much longer.
      d.state.openFor(now, o.reason, Math.max(d.cooldownMs * 10, 300_000));
    } else if (o.status === 429 && o.retryAfterMs !== undefined) {
      d.state.openFor(now, o.reason, o.retryAfterMs);
    } else {
      d.state.onFailure(now, o.reason, settings.allowedFails, d.cooldownMs);
    }
    this.fleet.onFailure(r.table, d, now);
    this.metrics.upstreamFailure(d.provider, failureClass(o.status, o.reason));
    this.metrics.upstreamRequests.inc({ model_group: group.metricsLabel, deployment: d.id, provider: d.provider, tier: d.tier, outcome: o.status !== undefined ? String(o.status) : o.reason });
    this.log.warn({ event: 'upstream_failed', req_id: r.id, deployment: d.id, provider: d.provider, reason: o.reason, status: o.status, detail: o.message.slice(0, 300) }, 'upstream attempt failed');
  }

  /** Adds the how-it-was-served headers to the request's response headers (and returns them). */
  private successHeaders(r: Req, d: RuntimeDeployment, contentType: string): Record<string, string> {
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

  private markServed(r: Req, group: ModelGroup, d: RuntimeDeployment, upstreamStart: number): void {
    const ms = performance.now() - upstreamStart;
    r.served = d;
    r.upstreamMs = ms;
    d.state.onSuccess(ms);
    this.metrics.upstreamSuccess(d.provider, ms);
    const m = this.metrics.forDeployment(d, group.metricsLabel);
    m.success.inc();
    m.latency.observe(ms / 1000);
    m.duration.observe((performance.now() - r.start) / 1000);
    if (r.tried.length > 0) this.metrics.fallbacks.inc({ model_group: group.metricsLabel, reason: r.fallbackReason ?? 'unknown' });
  }

  private countTokens(r: Req, d: RuntimeDeployment, group: ModelGroup): void {
    const now = Date.now();
    let total = (r.promptTokens ?? 0) + (r.completionTokens ?? 0);
    const m = this.metrics.forDeployment(d, group.metricsLabel);
    if (r.promptTokens !== undefined) m.promptTokens.inc(r.promptTokens);
    if (r.completionTokens !== undefined) m.completionTokens.inc(r.completionTokens);
    // Unknown usage (a stream without include_usage): a rough estimate keeps tpm limits meaningful.
    if (total === 0) total = Math.ceil(r.raw.length / 4);
    if (d.tpm !== undefined) d.state.countTokens(now, total);
    r.table.rateLimiter?.consumeTokens(r.rateKey, total, now);
    this.fleet.countTokens(r.table, r.rateKey, d, total);
  }

  private failed(reason: string, message: string, status?: number, extra?: { retryAfterMs?: number; auth?: boolean }): Outcome {
    return { kind: 'failed', reason, message, status, ...extra };
  }

  private networkFailure(r: Req, err: unknown, timedOut: boolean): Outcome {
    if (r.clientGone) return { kind: 'aborted' };
    if (timedOut) return this.failed('timeout', r.stream ? 'no first chunk within stream_timeout' : 'no answer within timeout');
    const code = errorCode(err);
    if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return this.failed('timeout', code);
    return this.failed('connect_error', `${code}: ${err instanceof Error ? err.message : String(err)}`);
  }

  private async attempt(r: Req, group: ModelGroup, d: RuntimeDeployment): Promise<Outcome> {
    const adapter = d.adapter;
    const pool = d.pool;
    if (!adapter || !pool) return this.failed('unavailable', d.disabledReason ?? 'deployment has no adapter');
    if (!adapter.endpoints.includes(r.endpoint)) return this.failed('unsupported_endpoint', `${d.prefix}/ does not serve ${r.endpoint}`);
    let up: UpstreamRequest;
    try {
      up = adapter.buildRequest(r.ctx, d.adapterDeployment, r.body);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      // The adapter refused something in the client's request it cannot express upstream (status 400):
      // that is the client's mistake, answered as such, not an upstream failure to fall back from.
      if (isObject(err) && (err as { status?: unknown }).status === 400) {
        const type = (err as { type?: unknown }).type;
        sendError(r, 400, { message, type: typeof type === 'string' ? type : 'invalid_request_error', code: 'unsupported_request' }, this.successHeaders(r, d, 'application/json'));
        r.served = d;
        return { kind: 'client_error' };
      }
      return this.failed('adapter_error', message);
    }
    let path: string;
    if (up.url.startsWith(d.origin)) path = up.url.slice(d.origin.length) || '/';
    else return this.failed('adapter_error', 'adapter built a URL outside the deployment api_base origin');

    const ac = new UpstreamAbort();
    r.abort = ac;
    let timedOut = false;
    const timer = setTimeout(
      () => {
        timedOut = true;
        ac.abort();
      },
      r.stream ? d.streamTimeoutMs : d.timeoutMs,
    );
    const upstreamStart = performance.now();
    d.state.inflight++;
    d.state.countRequest(Date.now());
    this.fleet.countRequest(d);
    try {
      let resp: Dispatcher.ResponseData;
      try {
        resp = await pool.request({
          path,
          method: up.method,
          headers: up.headers,
          body: up.body,
          signal: ac,
          headersTimeout: 0,
          // Streams: after the first chunk the stream_timeout timer is gone; `timeout` then bounds silence.
          bodyTimeout: r.stream ? d.timeoutMs : 0,
        });
      } catch (err) {
        return this.networkFailure(r, err, timedOut);
      }
      const status = resp.statusCode;
      if (status < 200 || status >= 300) {
        let text = '';
        try {
          text = await resp.body.text();
        } catch (err) {
          return this.networkFailure(r, err, timedOut);
        }
        // Decisions follow the adapter's OpenAI status, not the upstream's own code (Gemini answers a bad
        // key with 400 API_KEY_INVALID, which is a 401 for cooldown, fallback and the client).
        const te = adapter.translateError(status, text);
        const st = te.status;
        if (st === 401 || st === 403) return this.failed(String(st), te.message, st, { auth: true });
        if (te.retryable || isRetryableStatus(st)) {
          // The reason keeps the upstream's own code (529 says more than 503), but a rate limit is a 429.
          const reason = st === 429 ? '429' : String(status);
          return this.failed(reason, te.message, st, { retryAfterMs: parseRetryAfter(resp.headers['retry-after']) ?? te.retryAfterMs });
        }
        // The client's own request was refused (400, 404, 422, ...): returned as is, no fallback.
        sendError(r, st, { message: te.message, type: te.type, code: te.code }, this.successHeaders(r, d, 'application/json'));
        r.served = d;
        return { kind: 'client_error' };
      }
      if (!r.stream) return await this.finishJson(r, group, d, resp, upstreamStart, () => timedOut);
      const contentType = String(resp.headers['content-type'] ?? '');
      if (adapter.passThrough && !contentType.includes('text/event-stream')) {
        let text = '';
        try {
          text = await resp.body.text();
        } catch (err) {
          return this.networkFailure(r, err, timedOut);
        }
        return this.failed('bad_response', `upstream answered a stream request with ${contentType || 'no content type'}: ${text.slice(0, 200)}`);
      }
      return await this.pumpStream(r, group, d, resp, upstreamStart, timer, () => timedOut);
    } finally {
      clearTimeout(timer);
      d.state.inflight--;
      r.abort = undefined;
    }
  }

  private async finishJson(r: Req, group: ModelGroup, d: RuntimeDeployment, resp: Dispatcher.ResponseData, upstreamStart: number, timedOut: () => boolean): Promise<Outcome> {
    const adapter = d.adapter!;
    let bytes: Uint8Array;
    try {
      bytes = await resp.body.bytes();
    } catch (err) {
      return this.networkFailure(r, err, timedOut());
    }
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // OpenAI-shaped answers go out as the very bytes that came in. Parsing them (and serialising again)
    // was the largest cost a request paid in the proxy itself; only a body that is not plainly an answer
    // (no "choices", no "data": an error inside a 200, or something else) is parsed to say what it is.
    if (adapter.passThrough && (buf.includes(CHOICES_KEY) || buf.includes(DATA_KEY))) {
      if (!looksLikeObject(buf)) return this.failed('bad_response', `upstream sent malformed JSON: ${buf.toString('utf8', 0, 120)}`);
      return this.sendAnswer(r, group, d, upstreamStart, buf);
    }
    const text = buf.toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return this.failed('bad_response', `upstream sent malformed JSON: ${text.slice(0, 120)}`);
    }
    if (!isObject(parsed)) return this.failed('bad_response', 'upstream answer is not a JSON object');
    if (parsed.error !== undefined && parsed.choices === undefined && parsed.data === undefined) {
      // Some gateways report failures inside a 200: treat them as the failure they are.
      const te = adapter.translateError(502, text);
      return this.failed('upstream_error', te.message);
    }
    if (adapter.passThrough) return this.sendAnswer(r, group, d, upstreamStart, buf);
    let translated: Record<string, unknown>;
    try {
      translated = adapter.translateResponse(r.ctx, d.adapterDeployment, parsed);
    } catch (err) {
      return this.failed('bad_response', `cannot translate upstream answer: ${err instanceof Error ? err.message : String(err)}`);
    }
    const usage = translated.usage;
    if (isObject(usage)) {
      if (typeof usage.prompt_tokens === 'number') r.promptTokens = usage.prompt_tokens;
      if (typeof usage.completion_tokens === 'number') r.completionTokens = usage.completion_tokens;
    }
    return this.sendAnswer(r, group, d, upstreamStart, Buffer.from(JSON.stringify(translated)), true);
  }

  /** Sends a complete 200 answer; `usageKnown` when the caller already read usage from a parsed object. */
  private sendAnswer(r: Req, group: ModelGroup, d: RuntimeDeployment, upstreamStart: number, out: Buffer, usageKnown = false): Outcome {
    if (r.clientGone) return { kind: 'aborted' };
    if (!usageKnown) {
      // usage sits at the end of an OpenAI answer: read its two numbers there instead of parsing the body.
      const at = out.lastIndexOf(USAGE_KEY);
      if (at >= 0) {
        const tail = out.toString('latin1', at, Math.min(out.length, at + 1024));
        const p = PROMPT_TOKENS.exec(tail);
        const c = COMPLETION_TOKENS.exec(tail);
        if (p) r.promptTokens = Number(p[1]);
        if (c) r.completionTokens = Number(c[1]);
      }
    }
    this.markServed(r, group, d, upstreamStart);
    const headers = this.successHeaders(r, d, 'application/json');
    headers['content-length'] = String(out.length);
    r.res.writeHead(200, headers);
    r.res.end(out);
    if (r.cacheKey !== undefined) this.fleet.store(r.cacheKey, out.toString('utf8'), d);
    this.metrics.overhead.observe(Math.max(0, performance.now() - r.start - (r.upstreamMs ?? 0)) / 1000);
    this.countTokens(r, d, group);
    return { kind: 'served' };
  }


  /**
   * Streams an SSE answer. Nothing goes to the client until the first data event arrived and is not an
   * error, so a stream that fails early still falls back; after that bytes flow through chunk by chunk
   * (pass-through) or event by event (translating adapters), and a break ends with an error event.
   */
  private pumpStream(
    r: Req,
    group: ModelGroup,
    d: RuntimeDeployment,
    resp: Dispatcher.ResponseData,
    upstreamStart: number,
    timer: NodeJS.Timeout,
    timedOut: () => boolean,
  ): Promise<Outcome> {
    const adapter = d.adapter!;
    const res = r.res;
    const body = resp.body;
    const translator = adapter.passThrough ? undefined : adapter.createStreamTranslator(r.ctx, d.adapterDeployment);
    const decoder = translator ? new TextDecoder() : undefined;
    return new Promise<Outcome>((resolve) => {
      let committed = false;
      let settled = false;
      let pending: Buffer[] = [];
      let pendingText = '';
      let prev: Buffer | undefined;
      let last: Buffer | undefined;
      const settle = (o: Outcome): void => {
        if (settled) return;
        settled = true;
        body.off('data', onData);
        resolve(o);
      };
      const commit = (): void => {
        committed = true;
        clearTimeout(timer);
        this.markServed(r, group, d, upstreamStart);
        const headers = this.successHeaders(r, d, 'text/event-stream; charset=utf-8');
        headers['cache-control'] = 'no-cache';
        headers['x-accel-buffering'] = 'no';
        res.writeHead(200, headers);
      };
      const write = (chunk: Buffer | string): void => {
        if (!res.write(chunk)) {
          body.pause();
          res.once('drain', () => body.resume());
        }
      };
      const endWithError = (message: string, code: string): void => {
        if (!res.writableEnded) {
          res.write(sseErrorEvent(message, code));
          res.end();
        }
        this.log.warn({ event: 'stream_broken', req_id: r.id, deployment: d.id, detail: message }, 'upstream stream broke after the first chunk');
        d.state.onFailure(Date.now(), 'stream_broken', r.table.settings.allowedFails, d.cooldownMs);
        this.fleet.onFailure(r.table, d, Date.now());
        this.metrics.upstreamFailure(d.provider, 'network');
      };
      const finish = (): void => {
        res.end();
        this.countTokens(r, d, group);
        settle({ kind: 'served' });
      };
      const takeUsage = (u: unknown): void => {
        if (!isObject(u)) return;
        if (typeof u.prompt_tokens === 'number') r.promptTokens = u.prompt_tokens;
        if (typeof u.completion_tokens === 'number') r.completionTokens = u.completion_tokens;
      };

      // Translating adapters: events in, OpenAI chunks out.
      const handleEvents = (events: StreamEvent[]): boolean => {
        for (const ev of events) {
          if (ev.kind === 'error') {
            if (!committed) {
              body.destroy();
              settle(this.translatedFailure(ev.error));
            } else {
              endWithError(ev.error.message, ev.error.code ?? 'upstream_stream_error');
              body.destroy();
              settle({ kind: 'served' });
            }
            return false;
          }
          if (!committed) commit();
          if (ev.kind === 'done') {
            res.write(SSE_DONE);
            body.destroy();
            finish();
            return false;
          }
          takeUsage(ev.data.usage);
          write(`data: ${JSON.stringify(ev.data)}\n\n`);
        }
        return true;
      };

      const onData = (chunk: Buffer): void => {
        if (settled) return;
        if (translator) {
          handleEvents(translator.push(decoder!.decode(chunk, { stream: true })));
          return;
        }
        if (committed) {
          prev = last;
          last = chunk;
          write(chunk);
          return;
        }
        pending.push(chunk);
        pendingText += chunk.toString('utf8');
        // Look at complete events until the first data event: comments (keep-alives) do not commit.
        let from = 0;
        for (;;) {
          const m = EVENT_BOUNDARY.exec(pendingText.slice(from));
          if (!m) break;
          const block = pendingText.slice(from, from + m.index);
          from += m.index + m[0].length;
          const dataLine = block.split(/\r?\n/).find((l) => l.startsWith('data:'));
          if (dataLine === undefined) continue;
          const data = dataLine.slice(5).trim();
          if (ERROR_PAYLOAD.test(data)) {
            body.destroy();
            settle(this.translatedFailure(adapter.translateError(502, data)));
            return;
          }
          commit();
          for (const p of pending) res.write(p);
          last = pending[pending.length - 1];
          prev = pending.length > 1 ? pending[pending.length - 2] : undefined;
          pending = [];
          pendingText = '';
          return;
        }
        if (pendingText.length > FIRST_EVENT_LIMIT) {
          body.destroy();
          settle(this.failed('bad_response', 'upstream stream sent no event in its first megabyte'));
        }
      };

      body.on('data', onData);
      body.once('end', () => {
        if (settled) return;
        if (translator) {
          const tail = decoder!.decode();
          if (!handleEvents([...(tail ? translator.push(tail) : []), ...translator.end()])) return;
          if (!committed) return settle(this.failed('bad_response', 'upstream stream ended before its first chunk'));
          endWithError('upstream stream ended without [DONE]', 'stream_truncated');
          return settle({ kind: 'served' });
        }
        if (!committed) return settle(this.failed('bad_response', `upstream stream ended before its first event: ${pendingText.slice(0, 120)}`));
        const tail = (prev ? prev.toString('utf8') : '') + (last ? last.toString('utf8') : '');
        const p = PROMPT_TOKENS.exec(tail);
        const c = COMPLETION_TOKENS.exec(tail);
        if (p) r.promptTokens = Number(p[1]);
        if (c) r.completionTokens = Number(c[1]);
        if (!tail.includes('[DONE]')) {
          endWithError('upstream stream ended without [DONE]', 'stream_truncated');
          return settle({ kind: 'served' });
        }
        finish();
      });
      body.once('error', (err: Error) => {
        if (settled) return;
        if (!committed) return settle(this.networkFailure(r, err, timedOut()));
        if (r.clientGone) return settle({ kind: 'aborted' });
        endWithError(`upstream stream broke: ${errorCode(err)}`, 'upstream_stream_error');
        settle({ kind: 'served' });
      });
    });
  }

  private translatedFailure(e: TranslatedError): Outcome {
    const reason = e.status === 502 ? 'upstream_error' : String(e.status);
    return this.failed(reason, e.message, e.status === 502 ? undefined : e.status, { auth: e.status === 401 || e.status === 403, retryAfterMs: e.retryAfterMs });
  }

  private logRequest(r: Req, path: string): void {
    const status = r.res.statusCode;
    if (this.requestLine) {
      if (this.log.isLevelEnabled('info')) this.requestLine('info', this.requestFields(r, path, status));
    } else {
      const d = r.served;
      this.log.info(
        {
          event: 'request',
          req_id: r.id,
          method: r.req.method,
          path,
          status,
          latency_ms: Math.round((performance.now() - r.start) * 10) / 10,
          upstream_ms: r.upstreamMs === undefined ? undefined : Math.round(r.upstreamMs * 10) / 10,
          model: r.model,
          group: r.group?.name,
          policy: r.policy,
          stream: r.stream,
          route: d?.tier,
          upstream: d?.provider,
          deployment: d?.id,
          upstream_model: d?.upstreamModel,
          tried: r.tried.length > 0 ? r.tried : undefined,
          fallback_reason: r.fallbackReason,
          prompt_tokens: r.promptTokens,
          completion_tokens: r.completionTokens,
          key: r.keyLabel,
          client_gone: r.clientGone || undefined,
          cache: r.cache,
        },
        'request',
      );
    }
    this.metrics.countRequest(r.group?.metricsLabel ?? '(none)', status);
  }

  /** The request line's fields as JSON text, in the order and with the omissions of the object form above. */
  private requestFields(r: Req, path: string, status: number): string {
    let f = `,"event":"request","req_id":${jsonString(r.id)},"method":${jsonString(r.req.method ?? '')},"path":${jsonString(path)},"status":${status},"latency_ms":${Math.round((performance.now() - r.start) * 10) / 10}`;
    if (r.upstreamMs !== undefined) f += `,"upstream_ms":${Math.round(r.upstreamMs * 10) / 10}`;
    if (r.model !== undefined) f += `,"model":${jsonString(r.model)}`;
    if (r.group !== undefined) f += `,"group":${jsonString(r.group.name)}`;
    if (r.policy !== undefined) f += `,"policy":${jsonString(r.policy)}`;
    f += r.stream ? ',"stream":true' : ',"stream":false';
    const d = r.served;
    if (d !== undefined) {
      let served = this.servedFields.get(d);
      if (served === undefined) {
        served = `,"route":${jsonString(d.tier)},"upstream":${jsonString(d.provider)},"deployment":${jsonString(d.id)},"upstream_model":${jsonString(d.upstreamModel)}`;
        this.servedFields.set(d, served);
      }
      f += served;
    }
    if (r.tried.length > 0) f += `,"tried":${JSON.stringify(r.tried)}`;
    if (r.fallbackReason !== undefined) f += `,"fallback_reason":${jsonString(r.fallbackReason)}`;
    if (r.promptTokens !== undefined) f += `,"prompt_tokens":${r.promptTokens}`;
    if (r.completionTokens !== undefined) f += `,"completion_tokens":${r.completionTokens}`;
    f += `,"key":${jsonString(r.keyLabel)}`;
    if (r.clientGone) f += ',"client_gone":true';
    if (r.cache !== undefined) f += `,"cache":${jsonString(r.cache)}`;
    return f;
  }

}
