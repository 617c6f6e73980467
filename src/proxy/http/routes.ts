// The route table of paths -> handlers: the one registration point for endpoints. A route names its
// method, its path (exact, or a prefix ending in `/*` whose remainder the handler gets), who may call
// it, and whether it is a model request (written to the request log). New ingress APIs register here.
import type { Exchange } from './exchange.js';

/** `open`: no key needed (probes, the scrape); `key`: any valid key when keys are configured. */
export type RouteAccess = 'open' | 'key';

export interface RouteMatch {
  /** For a `/prefix/*` route: the rest of the path after the prefix (still percent-encoded). */
  rest: string;
}

export type RouteHandler = (r: Exchange, match: RouteMatch) => Promise<void> | void;

export interface RouteSpec {
  method: 'GET' | 'POST';
  path: string;
  access: RouteAccess;
  /** A model request: one request-log line and the request counter once it was handled. */
  logged?: boolean;
  /** Also accept the key in `x-api-key` (Anthropic's header) when there is no Authorization header. */
  xApiKey?: boolean;
  /** Errors (from 401 on) in this API's shape instead of OpenAI's. */
  errorShape?: Exchange['errorShape'];
  handler: RouteHandler;
}

export type RouteLookup = { kind: 'found'; route: RouteSpec; match: RouteMatch } | { kind: 'wrong_method'; allowed: string } | { kind: 'none' };

export class PathRoutes {
  private readonly exact = new Map<string, RouteSpec[]>();
  private readonly prefixes: Array<{ prefix: string; route: RouteSpec }> = [];

  add(route: RouteSpec): this {
    if (route.path.endsWith('/*')) {
      this.prefixes.push({ prefix: route.path.slice(0, -1), route });
    } else {
      const list = this.exact.get(route.path) ?? [];
      if (list.some((r) => r.method === route.method)) throw new Error(`route ${route.method} ${route.path} registered twice`);
      list.push(route);
      this.exact.set(route.path, list);
    }
    return this;
  }

  /**
   * The route for a method and path. A path known only for POST answers other methods with 405;
   * GET-only paths answer other methods as unknown (404), as they always did.
   */
  lookup(method: string, path: string): RouteLookup {
    const list = this.exact.get(path);
    if (list !== undefined) {
      const route = list.find((r) => r.method === method);
      if (route) return { kind: 'found', route, match: { rest: '' } };
      if (list.every((r) => r.method === 'POST')) return { kind: 'wrong_method', allowed: 'POST' };
    }
    for (const p of this.prefixes) {
      if (p.route.method === method && path.startsWith(p.prefix) && path.length > p.prefix.length) {
        return { kind: 'found', route: p.route, match: { rest: path.slice(p.prefix.length) } };
      }
    }
    return { kind: 'none' };
  }
}
