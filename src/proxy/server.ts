// The bundled proxy's lifecycle: create (load the config, build the first route table), listen, hot
// reload (the new table is built and checked before it replaces the old one), and shutdown (drain
// in-flight requests, then close pools). Each request is handed to the route table (http/routes.ts,
// http/dispatch.ts); what happens to it from there lives in the stage that owns it:
//   ingress/   what a request must pass before its model is served (rate limit, body, checks)
//   attempt/   the failover loop over deployments, its bookkeeping, and the per-attempt observers
//   upstream/  one call to one deployment
//   answer/    the complete JSON answer        stream/  the streamed answer (a small state machine)
//   log/       the request log
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Logger } from './logging.js';
import { ProxyMetrics } from './metrics.js';
import { StateStore } from './state.js';
import { deploymentIds, type RouteTable } from './table.js';
import { Fleet } from './fleet/fleet.js';
import { AttemptObservers } from './attempt/observers.js';
import { FallbackChains } from './attempt/chain.js';
import { newExchange, sendError } from './http/exchange.js';
import { dispatch } from './http/dispatch.js';
import { PathRoutes } from './http/routes.js';
import { registerBuiltinRoutes } from './http/builtin-routes.js';
import { registerAgentRoutes } from './ingress/agent-routes.js';
import { RequestLog } from './log/request-log.js';
import { announceTable, ConfigLoadError, loadTable, type ReloadResult } from './lifecycle/load-table.js';
import type { ProxyServices } from './services.js';
import { registerStatusRoutes } from './status/routes.js';

export { ConfigLoadError, type ReloadResult };
export type { RouteSpec, RouteHandler, RouteMatch } from './http/routes.js';
export type { AttemptEvent, AttemptObserver } from './attempt/observers.js';

export interface ProxyServerOptions {
  configPath: string;
  logger: Logger;
  env?: NodeJS.ProcessEnv;
  /** Longest wait for in-flight requests on shutdown before connections are cut. */
  drainTimeoutMs?: number;
}

const REQUEST_ID = /^[\w.:@-]{1,128}$/;

export class ProxyServer {
  private table: RouteTable;
  /** Runtime state per deployment (read by tests to check it stays bounded). */
  readonly store: StateStore;
  private readonly server: Server;
  readonly metrics: ProxyMetrics;
  /** Shared state through Redis (fleet mode) and the response cache; inert without either in the config. */
  readonly fleet: Fleet;
  /** Observers of every upstream attempt's outcome: `server.attempts.add(event => ...)`. */
  readonly attempts = new AttemptObservers();
  /** The route table of paths -> handlers: `server.routes.add({ method, path, access, handler })`. */
  readonly routes = new PathRoutes();
  /** The services every request stage uses. */
  readonly services: ProxyServices;
  /** Fallback chains per group and alias, shared by every ingress. */
  readonly chains = new FallbackChains();
  private readonly log: Logger;
  private readonly requestLog: RequestLog;
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
    this.metrics = new ProxyMetrics(() => this.table);
    store.onForget((id) => this.metrics.forgetDeployment(id));
    this.fleet = new Fleet({ logger: this.log, registry: this.metrics.registry, store });
    this.services = { metrics: this.metrics, fleet: this.fleet, log: this.log, attempts: this.attempts };
    this.requestLog = new RequestLog(this.log, this.metrics);
    registerBuiltinRoutes(this.routes, { svc: this.services, chains: this.chains, isDraining: () => this.draining, reload: (t) => this.reload(t) });
    registerAgentRoutes(this.routes, this.services, this.chains);
    registerStatusRoutes(this.routes, this.attempts, { table: () => this.table, configPath: options.configPath, inFlight: () => this.metrics.inFlightNow });
    this.server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => this.onRequest(req, res));
    this.server.on('clientError', (_err, socket) => {
      if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nconnection: close\r\n\r\n');
      else socket.destroy();
    });
  }

  /** Loads and checks the config and builds the first route table; throws ConfigLoadError when invalid. */
  static async create(options: ProxyServerOptions): Promise<ProxyServer> {
    const store = new StateStore();
    const table = await loadTable(options.configPath, options.env, store);
    if (!table.ok) throw new ConfigLoadError(table.message, table.diagnostics);
    const server = new ProxyServer(options, table.table, store);
    await server.fleet.configure(table.table);
    announceTable(server.log, options.configPath, table.table, 'config loaded');
    return server;
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
      const next = await loadTable(this.options.configPath, this.options.env, this.store);
      if (!next.ok) {
        this.metrics.reloads.inc({ result: 'rejected' });
        this.log.error({ event: 'reload_rejected', trigger, diagnostics: next.diagnostics }, `reload rejected, still serving the previous config: ${next.message}`);
        return { ok: false, message: next.message, diagnostics: next.diagnostics };
      }
      const old = this.table;
      next.table.rateLimiter?.adopt(old.rateLimiter);
      this.table = next.table;
      this.store.retainOnly(deploymentIds(next.table));
      await this.fleet.configure(next.table);
      void old.retire();
      this.metrics.reloads.inc({ result: 'ok' });
      announceTable(this.log, this.options.configPath, next.table, `config reloaded (${trigger})`);
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
    const r = newExchange(id, req, res, table);
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
    dispatch(r, this.routes, this.requestLog).catch((err: unknown) => {
      this.log.error({ event: 'internal_error', req_id: id, err: err instanceof Error ? { message: err.message, stack: err.stack } : String(err) }, 'unexpected error while handling a request');
      if (!res.headersSent) sendError(r, 500, { message: 'internal error in rmctl serve', type: 'api_error', code: 'internal_error' });
      else res.destroy();
    });
  }
}
