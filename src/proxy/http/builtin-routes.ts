// The endpoints rmctl serve answers out of the box: probes, metrics, the model list, /health, the
// OpenAI model requests and /admin/reload. Each is one entry in the route table (routes.ts).
import type { ProxyServices } from '../services.js';
import type { FallbackChains } from '../attempt/chain.js';
import { handleOpenAIRequest } from '../ingress/openai.js';
import type { ReloadResult } from '../lifecycle/load-table.js';
import type { Endpoint } from '../providers/types.js';
import { sendError, sendJson, type Exchange } from './exchange.js';
import { healthView } from './health-view.js';
import type { PathRoutes } from './routes.js';

export interface BuiltinRouteDeps {
  svc: ProxyServices;
  chains: FallbackChains;
  isDraining(): boolean;
  reload(trigger: string): Promise<ReloadResult>;
}

const OPENAI_ENDPOINTS: ReadonlyArray<[string, Endpoint]> = [
  ['/v1/chat/completions', 'chat'],
  ['/chat/completions', 'chat'],
  ['/v1/completions', 'completion'],
  ['/completions', 'completion'],
  ['/v1/embeddings', 'embedding'],
  ['/embeddings', 'embedding'],
];

function readiness(r: Exchange, draining: boolean): void {
  if (draining) return sendJson(r, 503, { status: 'draining' });
  const t = r.table;
  sendJson(r, 200, { status: 'ready', model_groups: t.groups.size, deployments: t.deployments.length, config_sha256: t.configSha256 });
}

function modelObject(r: Exchange, id: string): Record<string, unknown> {
  return { id, object: 'model', created: Math.floor(r.table.builtAt / 1000), owned_by: 'rainymodel' };
}

function modelList(r: Exchange): void {
  sendJson(r, 200, { object: 'list', data: r.table.publicModels.map((id) => modelObject(r, id)) });
}

/** GET /v1/models/{id} (the SDK's models.retrieve); ids may contain slashes (`rainymodel/auto`). */
function modelRetrieve(r: Exchange, rest: string): void {
  let id: string;
  try {
    id = decodeURIComponent(rest);
  } catch {
    id = rest;
  }
  if (r.table.publicModels.includes(id)) return sendJson(r, 200, modelObject(r, id));
  sendError(r, 404, { message: `model "${id}" not found; GET /v1/models lists the available names`, type: 'invalid_request_error', code: 'model_not_found', param: 'model' });
}

async function adminReload(r: Exchange, reload: BuiltinRouteDeps['reload']): Promise<void> {
  if (!r.key?.master) {
    return sendError(r, 403, {
      message: r.table.authKeys.some((k) => k.master) ? '/admin/reload needs the master key' : '/admin/reload is disabled: set general_settings.master_key',
      type: 'permission_error',
      code: 'forbidden',
    });
  }
  const result = await reload('admin');
  if (result.ok) return sendJson(r, 200, { status: 'reloaded', deployments: result.deployments, warnings: result.warnings });
  sendJson(r, 422, { error: { message: result.message, type: 'invalid_request_error', code: 'invalid_config', param: null }, diagnostics: result.diagnostics });
}

export function registerBuiltinRoutes(routes: PathRoutes, deps: BuiltinRouteDeps): void {
  const { svc, chains } = deps;
  const registry = svc.metrics.registry;
  const live = (r: Exchange): void => sendJson(r, 200, { status: 'ok' });
  routes
    .add({ method: 'GET', path: '/health/liveliness', access: 'open', handler: live })
    .add({ method: 'GET', path: '/health/liveness', access: 'open', handler: live })
    .add({ method: 'GET', path: '/health/readiness', access: 'open', handler: (r) => readiness(r, deps.isDraining()) })
    .add({
      method: 'GET',
      path: '/metrics',
      access: 'open',
      handler: async (r) => {
        const text = await registry.metrics();
        r.res.writeHead(200, { ...r.headers, 'content-type': registry.contentType });
        r.res.end(text);
      },
    });
  for (const [path, endpoint] of OPENAI_ENDPOINTS) {
    routes.add({ method: 'POST', path, access: 'key', logged: true, handler: (r) => handleOpenAIRequest(svc, chains, r, endpoint) });
  }
  routes
    .add({ method: 'GET', path: '/v1/models', access: 'key', handler: modelList })
    .add({ method: 'GET', path: '/models', access: 'key', handler: modelList })
    .add({ method: 'GET', path: '/v1/models/*', access: 'key', handler: (r, m) => modelRetrieve(r, m.rest) })
    .add({ method: 'GET', path: '/models/*', access: 'key', handler: (r, m) => modelRetrieve(r, m.rest) })
    .add({ method: 'GET', path: '/health', access: 'key', handler: (r) => sendJson(r, 200, healthView(r.table)) })
    .add({ method: 'GET', path: '/metrics/json', access: 'key', handler: async (r) => sendJson(r, 200, await registry.getMetricsAsJSON()) })
    .add({ method: 'GET', path: '/v1/metrics/providers', access: 'key', handler: (r) => sendJson(r, 200, { providers: svc.metrics.providersSummary(r.table) }) })
    .add({ method: 'POST', path: '/admin/reload', access: 'key', handler: (r) => adminReload(r, deps.reload) });
}
