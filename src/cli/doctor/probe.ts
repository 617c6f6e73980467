// Probes one deployment of the route table live, in its own wire format: reachable (DNS, TCP, TLS), key
// accepted and model offered (the provider's model list), latency, and with `completion` one minimal chat
// request built by the proxy's own adapter. Origins and model lists shared by several deployments are
// asked once per run. Every detail passes through redact() before it leaves: a key is never shown.
import { request, type Dispatcher } from 'undici';
import type { RuntimeDeployment } from '../../proxy/table.js';
import type { ProviderAdapter, UpstreamRequest } from '../../proxy/providers/types.js';
import { didYouMean } from '../../shared/suggest.js';
import { fetchModelList, familyOf, findModel, listUrl, probeHeaders, type Family, type ListResult } from './model-list.js';
import { probeReachability, type Check, type Reachability, type Resolve } from './network.js';

export interface DeploymentReport {
  group: string;
  deployment: string;
  provider: string;
  tier: string;
  model: string;
  origin: string;
  /** Whether rmctl serve uses the deployment at all (an unset key variable or unknown prefix: no). */
  config: Check;
  reach: Reachability;
  key: Check;
  model_offered: Check;
  completion: Check;
  /** The model list's (or the completion's) answer time, ms. */
  latency_ms?: number;
  status: 'ok' | 'warn' | 'fail';
}

export interface ProbeOptions {
  timeoutMs: number;
  /** model_info.mode per deployment id: embedding deployments are probed with an embedding request. */
  modes: ReadonlyMap<string, string>;
  completion: boolean;
  dispatcher: Dispatcher;
  resolve?: Resolve;
}

/** Per-run memo of the probes several deployments share (one origin, one key, one list). */
export class ProbeCache {
  private readonly reach = new Map<string, Promise<Reachability>>();
  private readonly lists = new Map<string, Promise<ListResult>>();

  reachability(origin: string, opts: ProbeOptions): Promise<Reachability> {
    let p = this.reach.get(origin);
    if (!p) {
      p = probeReachability(origin, opts.timeoutMs, opts.resolve);
      this.reach.set(origin, p);
    }
    return p;
  }

  modelList(family: Family, url: string, headers: Record<string, string>, opts: ProbeOptions): Promise<ListResult> {
    const key = `${url}\u0000${JSON.stringify(headers)}`;
    let p = this.lists.get(key);
    if (!p) {
      p = fetchModelList(family, url, headers, opts.dispatcher, opts.timeoutMs);
      this.lists.set(key, p);
    }
    return p;
  }
}

/** Removes the key (and any 8-character run of it) from text shown to people or machines. */
export function redact(text: string, secret: string | undefined): string {
  if (!secret) return text;
  let out = text.split(secret).join('***');
  if (secret.length >= 8) for (let i = 0; i + 8 <= secret.length; i++) out = out.split(secret.slice(i, i + 8)).join('***');
  return out;
}

const skip = (detail: string): Check => ({ status: 'skip', detail });

function errorText(adapter: ProviderAdapter, status: number, body: string): { status: number; message: string } {
  const te = adapter.translateError(status, body);
  return { status: te.status, message: te.message.replace(/\s+/g, ' ').slice(0, 200) };
}

function keyAndModel(d: RuntimeDeployment, family: Family, list: ListResult, url: string): { key: Check; model: Check } {
  const hasKey = Boolean(d.adapterDeployment.apiKey);
  if (list.ok) {
    const key: Check = { status: 'ok', ms: list.ms, detail: hasKey ? 'accepted (model list answered 200)' : 'no key configured; none needed' };
    const listed = findModel(family, d.upstreamModel, list.models);
    if (listed) return { key, model: { status: 'ok', detail: listed === d.upstreamModel ? 'listed' : `listed as ${listed}` } };
    const close = didYouMean(d.upstreamModel, list.models);
    return { key, model: { status: 'fail', detail: `"${d.upstreamModel}" is not offered (${list.models.length} models listed${close ? `; did you mean "${close}"?` : ''})` } };
  }
  if (list.status === undefined) return { key: { status: 'fail', ms: list.ms, detail: `model list request failed: ${list.error ?? 'no answer'}` }, model: skip('no model list') };
  if (list.error) return { key: { status: 'warn', ms: list.ms, detail: list.error }, model: skip('no model list') };
  const e = errorText(d.adapter!, list.status, list.body);
  if (e.status === 401 || e.status === 403) {
    const why = hasKey ? 'refused' : 'required but none is configured';
    return { key: { status: 'fail', ms: list.ms, detail: `${why} (HTTP ${list.status}): ${e.message}` }, model: skip('key refused') };
  }
  if (list.status === 404 || list.status === 405) {
    return { key: { status: 'warn', ms: list.ms, detail: `not verified: no model list at ${new URL(url).pathname} (HTTP ${list.status}); --completion checks it` }, model: skip('no model list') };
  }
  if (list.status === 429) return { key: { status: 'warn', ms: list.ms, detail: `rate limited (HTTP 429): ${e.message}` }, model: skip('rate limited') };
  return { key: { status: 'fail', ms: list.ms, detail: `model list answered HTTP ${list.status}: ${e.message}` }, model: skip('no model list') };
}

async function completionCheck(d: RuntimeDeployment, req: UpstreamRequest, opts: ProbeOptions): Promise<Check> {
  const start = performance.now();
  try {
    const res = await request(req.url, { method: req.method, headers: req.headers, body: req.body, dispatcher: opts.dispatcher, headersTimeout: opts.timeoutMs, bodyTimeout: opts.timeoutMs });
    const text = await res.body.text();
    const ms = Math.round(performance.now() - start);
    if (res.statusCode >= 200 && res.statusCode < 300) {
      try {
        JSON.parse(text);
      } catch {
        return { status: 'fail', ms, detail: `HTTP ${res.statusCode} but the answer is not JSON: ${text.slice(0, 120)}` };
      }
      return { status: 'ok', ms, detail: `answered HTTP ${res.statusCode}` };
    }
    const e = errorText(d.adapter!, res.statusCode, text);
    return { status: res.statusCode === 429 ? 'warn' : 'fail', ms, detail: `HTTP ${res.statusCode}: ${e.message}` };
  } catch (err) {
    return { status: 'fail', ms: Math.round(performance.now() - start), detail: `request failed: ${err instanceof Error ? err.message : String(err)}` };
  }
}

function overall(checks: Check[]): DeploymentReport['status'] {
  if (checks.some((c) => c.status === 'fail')) return 'fail';
  return checks.some((c) => c.status === 'warn') ? 'warn' : 'ok';
}

function scrub(report: DeploymentReport, secret: string | undefined): DeploymentReport {
  const fix = (c: Check): Check => ({ ...c, detail: redact(c.detail, secret) });
  return { ...report, config: fix(report.config), reach: { dns: fix(report.reach.dns), tcp: fix(report.reach.tcp), tls: fix(report.reach.tls) }, key: fix(report.key), model_offered: fix(report.model_offered), completion: fix(report.completion) };
}

export async function probeDeployment(d: RuntimeDeployment, cache: ProbeCache, opts: ProbeOptions): Promise<DeploymentReport> {
  const base = { group: d.modelName, deployment: d.id, provider: d.provider, tier: d.tier, model: d.upstreamModel, origin: d.origin };
  const notRun = skip('not probed');
  if (d.disabledReason || !d.adapter) {
    const config: Check = { status: 'fail', detail: `not served by rmctl serve: ${d.disabledReason ?? 'no adapter'}` };
    return { ...base, config, reach: { dns: notRun, tcp: notRun, tls: notRun }, key: notRun, model_offered: notRun, completion: notRun, status: 'fail' };
  }
  const config: Check = { status: 'ok', detail: 'served' };
  const reach = await cache.reachability(d.origin, opts);
  const reachable = reach.tcp.status === 'ok' && reach.tls.status !== 'fail';
  const done = (r: Omit<DeploymentReport, 'status'>): DeploymentReport => {
    const checks = [r.reach.dns, r.reach.tcp, r.reach.tls, r.key, r.model_offered, r.completion];
    return scrub({ ...r, status: overall(checks) }, d.adapterDeployment.apiKey);
  };
  if (!reachable) return done({ ...base, config, reach, key: skip('unreachable'), model_offered: skip('unreachable'), completion: skip('unreachable') });

  // The smallest request of the kind the deployment serves: one token of chat, or one short embedding.
  const embedding = opts.modes.get(d.id) === 'embedding';
  const probeBody = embedding ? { model: d.modelName, input: 'ping' } : { model: d.modelName, messages: [{ role: 'user', content: 'Reply with OK.' }], max_tokens: 1 };
  let probeRequest: UpstreamRequest;
  try {
    probeRequest = d.adapter.buildRequest({ endpoint: embedding ? 'embedding' : 'chat', stream: false, requestModel: d.modelName }, d.adapterDeployment, probeBody);
  } catch (err) {
    const why: Check = { status: 'fail', detail: `cannot build a chat request: ${err instanceof Error ? err.message : String(err)}` };
    return done({ ...base, config, reach, key: skip('no request'), model_offered: skip('no request'), completion: why });
  }
  const family = familyOf(d.adapter);
  const url = listUrl(family, probeRequest.url);
  const list = await cache.modelList(family, url, probeHeaders(probeRequest), opts);
  let { key, model } = keyAndModel(d, family, list, url);
  let completion = skip('not asked (--completion)');
  if (opts.completion) {
    completion = await completionCheck(d, probeRequest, opts);
    // A completion answered 200 proves a key the model list could not check.
    if (completion.status === 'ok' && key.status === 'warn' && key.detail.startsWith('not verified')) key = { status: 'ok', detail: 'accepted (completion answered)' };
    if (completion.status === 'fail' && /^HTTP 40[13]\b/.test(completion.detail) && key.status !== 'fail') key = { status: 'fail', detail: `refused by the completion: ${completion.detail}` };
    if (completion.status === 'ok' && model.status === 'skip') model = { status: 'ok', detail: 'answered a completion' };
  }
  const latency = completion.ms ?? (list.ok || list.status !== undefined ? list.ms : undefined);
  return done({ ...base, config, reach, key, model_offered: model, completion, latency_ms: latency });
}
