// The running proxy's own view: `GET /status/json` (the windowed figures, behind the same keys as the
// model endpoints) for `rmctl status`, and the status page at `/ui` (static HTML, CSS and JS from ui/status,
// no data in them: the page asks /status/json with the key the user typed, see README "Status page").
import { readFile } from 'node:fs/promises';
import { packageUrl } from '../../shared/package-files.js';
import type { AttemptObservers } from '../attempt/observers.js';
import { sendError, sendJson, type Exchange } from '../http/exchange.js';
import type { PathRoutes } from '../http/routes.js';
import type { RouteTable } from '../table.js';
import { WindowedStats } from './windows.js';

export interface StatusDeps {
  table(): RouteTable;
  configPath: string;
  inFlight(): number;
}

const ASSETS: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'app.js': 'text/javascript; charset=utf-8',
  'style.css': 'text/css; charset=utf-8',
};

const ASSET_DIR = packageUrl('ui/status/');

const PAGE_HEADERS = {
  'content-security-policy': "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-cache',
};

const cache = new Map<string, Buffer>();

async function asset(r: Exchange, name: string): Promise<void> {
  const type = ASSETS[name];
  if (type === undefined) return sendError(r, 404, { message: `no status page file ${name}`, type: 'invalid_request_error', code: 'not_found' });
  let body = cache.get(name);
  if (body === undefined) {
    body = await readFile(new URL(name, ASSET_DIR));
    cache.set(name, body);
  }
  r.res.writeHead(200, { ...r.headers, ...PAGE_HEADERS, 'content-type': type, 'content-length': String(body.length) });
  r.res.end(body);
}

/** Starts the windowed figures (an attempt observer) and adds their routes; returns the stats. */
export function registerStatusRoutes(routes: PathRoutes, attempts: AttemptObservers, deps: StatusDeps): WindowedStats {
  const stats = new WindowedStats();
  attempts.add(stats.observe);
  const startedAt = Date.now();
  routes
    .add({
      method: 'GET',
      path: '/status/json',
      access: 'key',
      handler: (r) => sendJson(r, 200, stats.snapshot(deps.table(), { configPath: deps.configPath, startedAt, inFlight: deps.inFlight() }), { 'cache-control': 'no-store' }),
    })
    .add({ method: 'GET', path: '/ui', access: 'open', handler: (r) => asset(r, 'index.html') })
    .add({ method: 'GET', path: '/ui/*', access: 'open', handler: (r, m) => asset(r, m.rest) });
  return stats;
}
