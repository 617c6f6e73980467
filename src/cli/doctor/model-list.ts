// The model list each wire format offers, asked with the deployment's own credentials: OpenAI-compatible
// `GET {base}/models` ({data: [{id}]}), Ollama `GET /api/tags` ({models: [{name, model}]}), Gemini
// `GET /v1beta/models` ({models: [{name: "models/..."}], nextPageToken}) and Anthropic `GET /v1/models`
// ({data: [{id}], has_more, last_id}). URLs and headers come from the proxy's own adapter for the
// deployment (the request it would send), so doctor asks where and how `rmctl serve` talks.
import { request, type Dispatcher } from 'undici';
import type { ProviderAdapter, UpstreamRequest } from '../../proxy/providers/types.js';

export type Family = 'openai' | 'ollama' | 'gemini' | 'anthropic';

export function familyOf(adapter: ProviderAdapter): Family {
  if (adapter.prefixes.includes('anthropic')) return 'anthropic';
  if (adapter.prefixes.includes('gemini')) return 'gemini';
  if (adapter.prefixes.includes('ollama')) return 'ollama';
  return 'openai';
}

/** The list URL next to the URL a chat request goes to. */
export function listUrl(family: Family, chatUrl: string): string {
  const u = new URL(chatUrl);
  const path = u.pathname;
  switch (family) {
    case 'anthropic':
      u.pathname = path.replace(/\/messages$/, '/models');
      u.search = '?limit=1000';
      break;
    case 'gemini':
      // .../v1beta/models/<id>:generateContent -> .../v1beta/models
      u.pathname = path.slice(0, path.lastIndexOf('/models/')) + '/models';
      u.search = '?pageSize=1000';
      break;
    case 'ollama':
      u.pathname = path.replace(/\/api\/[a-z]+$/, '/api/tags');
      break;
    default:
      u.pathname = path.replace(/\/(chat\/completions|completions|embeddings)$/, '/models');
  }
  return u.toString();
}

/** The request's headers without the body's (credentials, API version and the like stay). */
export function probeHeaders(req: UpstreamRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.headers)) if (k !== 'content-type' && k !== 'content-length') out[k] = v;
  return out;
}

export type ListResult =
  | { ok: true; status: number; models: string[]; ms: number }
  | { ok: false; status?: number; body: string; ms: number; error?: string };

const MAX_PAGES = 20;

function idsOf(family: Family, body: Record<string, unknown>): string[] {
  const list = family === 'ollama' || family === 'gemini' ? body.models : body.data;
  if (!Array.isArray(list)) throw new Error(`answer has no ${family === 'ollama' || family === 'gemini' ? '"models"' : '"data"'} list`);
  const ids: string[] = [];
  for (const m of list as Array<Record<string, unknown>>) {
    for (const key of family === 'ollama' ? ['name', 'model'] : family === 'gemini' ? ['name'] : ['id']) {
      if (typeof m?.[key] === 'string') ids.push(m[key] as string);
    }
  }
  return ids;
}

function nextPage(family: Family, url: string, body: Record<string, unknown>): string | undefined {
  const u = new URL(url);
  if (family === 'gemini' && typeof body.nextPageToken === 'string' && body.nextPageToken !== '') {
    u.searchParams.set('pageToken', body.nextPageToken);
    return u.toString();
  }
  if (family === 'anthropic' && body.has_more === true && typeof body.last_id === 'string') {
    u.searchParams.set('after_id', body.last_id);
    return u.toString();
  }
  return undefined;
}

/** Fetches every page of the list (bounded); `ms` is the first page's time, the upstream's latency. */
export async function fetchModelList(family: Family, url: string, headers: Record<string, string>, dispatcher: Dispatcher, timeoutMs: number): Promise<ListResult> {
  const models: string[] = [];
  let firstMs: number | undefined;
  let next: string | undefined = url;
  for (let page = 0; next !== undefined && page < MAX_PAGES; page++) {
    const start = performance.now();
    let status: number;
    let text: string;
    try {
      const res = await request(next, { method: 'GET', headers: { accept: 'application/json', ...headers }, dispatcher, headersTimeout: timeoutMs, bodyTimeout: timeoutMs });
      status = res.statusCode;
      text = await res.body.text();
    } catch (err) {
      return { ok: false, body: '', ms: Math.round(performance.now() - start), error: err instanceof Error ? err.message : String(err) };
    }
    firstMs ??= Math.round(performance.now() - start);
    if (status !== 200) return { ok: false, status, body: text, ms: firstMs };
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(text) as Record<string, unknown>;
      models.push(...idsOf(family, body));
    } catch (err) {
      return { ok: false, status, body: text, ms: firstMs, error: `unreadable model list: ${err instanceof Error ? err.message : String(err)}` };
    }
    next = nextPage(family, next, body);
  }
  return { ok: true, status: 200, models, ms: firstMs ?? 0 };
}

/** How the upstream names `model` in its list, if it does (tags, resource names and dated ids allowed for). */
export function findModel(family: Family, model: string, listed: readonly string[]): string | undefined {
  const exact = listed.find((id) => id === model);
  if (exact) return exact;
  const lower = model.toLowerCase();
  const candidates: string[] = [lower];
  if (family === 'ollama' && !lower.includes(':')) candidates.push(`${lower}:latest`);
  if (family === 'gemini' && !lower.includes('/')) candidates.push(`models/${lower}`);
  const found = listed.find((id) => candidates.includes(id.toLowerCase()));
  if (found) return found;
  // Anthropic lists dated ids; an alias like claude-sonnet-4-5 names the newest of them.
  if (family === 'anthropic') return listed.find((id) => id.toLowerCase().startsWith(`${lower}-`));
  return undefined;
}
