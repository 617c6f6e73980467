// Verification against the running proxy, as operators do it by hand with curl: the health endpoint until
// it answers 200 (or the timeout), then /v1/models must list every public model of the deployed config,
// then optionally one real completion (the canary).
//
// /v1/models is polled too, not read once: after `systemctl reload` (or a fast restart) the old process
// may still answer for a moment with the old model list; the new list showing up is the proof that the new
// config is the one serving.
import { Agent, request } from 'undici';
import { RainyModelError } from '../shared/errors.js';

export interface VerifyOptions {
  healthUrl: string;
  /** Where /v1/models and /v1/chat/completions live (`http://127.0.0.1:4000`). */
  baseUrl: string;
  timeoutMs: number;
  expectedModels: string[];
  masterKey?: string;
  canary?: string;
  pollMs?: number;
  /**
   * sha256 of the file that should be serving. `rmctl serve` reports its own in /health/readiness
   * (`config_sha256`); while it reports another one, the old process or config is still answering. A proxy
   * that reports none (a stock LiteLLM) is judged by the model list alone.
   */
  expectedSha256?: string;
  /** Aborts the wait (SIGTERM or Ctrl-C): verify then throws deploy/interrupted at once. */
  signal?: AbortSignal;
  /** Called while it waits: at the first answer that is not yet right, then every `progressMs`. */
  onProgress?: (message: string) => void;
  progressMs?: number;
}

export interface VerifyReport {
  healthyAfterMs: number;
  models: string[];
  /** True when the proxy reported the expected config_sha256; false when it reports none. */
  configConfirmed: boolean;
  canary?: { model: string; status: number };
}

export function interrupted(signal: AbortSignal, during: string): RainyModelError {
  return new RainyModelError('deploy/interrupted', `interrupted by ${String(signal.reason ?? 'a signal')} ${during}`);
}

/** Sleeps `ms`, or less when the signal aborts (the caller then checks it). */
function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Whether anything accepts connections at `url`: false only for a refused connection (nothing listens), so a
 * first deploy without a service can tell "no proxy running yet" from "a proxy that is not healthy".
 */
export async function somethingListens(url: string): Promise<boolean> {
  const agent = new Agent({ connect: { timeout: 5000 } });
  try {
    const res = await request(url, { method: 'GET', dispatcher: agent, headersTimeout: 5000, bodyTimeout: 5000 });
    await res.body.dump();
    return true;
  } catch (err) {
    return describeError(err) !== 'ECONNREFUSED';
  } finally {
    await agent.close().catch(() => undefined);
  }
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

function describeError(err: unknown): string {
  const e = err as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  return e.cause?.code ?? e.code ?? e.cause?.message ?? e.message ?? String(err);
}

/** The config_sha256 a health answer names (rmctl serve's readiness), if any. */
function servingSha(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    const sha = typeof parsed === 'object' && parsed !== null ? (parsed as { config_sha256?: unknown }).config_sha256 : undefined;
    return typeof sha === 'string' ? sha : undefined;
  } catch {
    return undefined;
  }
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const started = Date.now();
  const deadline = started + options.timeoutMs;
  const pollMs = options.pollMs ?? 250;
  const { signal } = options;
  let reported = 0;
  /** Says what it waits for, at once and then every progressMs, so a long wait is never a silent one. */
  const waiting = (url: string, last: string): void => {
    if (!options.onProgress || (reported !== 0 && Date.now() - reported < (options.progressMs ?? 5000))) return;
    reported = Date.now();
    const elapsed = Math.round((Date.now() - started) / 1000);
    options.onProgress(`waiting for ${url}: ${last} (${elapsed} s of ${Math.round(options.timeoutMs / 1000)} s)`);
  };
  const checkSignal = (): void => {
    if (signal?.aborted) throw interrupted(signal, 'while verifying');
  };
  // A private agent: keep-alive sockets to a process that is being restarted must not leak into other code.
  const agent = new Agent({ keepAliveTimeout: 1000, connect: { timeout: 5000 } });
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.masterKey) headers.authorization = `Bearer ${options.masterKey}`;
  const remaining = (): number => Math.max(1, deadline - Date.now());
  const get = async (url: string): Promise<{ status: number; body: string }> => {
    const timeout = Math.min(10_000, remaining());
    const res = await request(url, { method: 'GET', headers, dispatcher: agent, headersTimeout: timeout, bodyTimeout: timeout, ...(signal ? { signal } : {}) });
    return { status: res.statusCode, body: await res.body.text() };
  };

  try {
    // 1. health (and, where the proxy says which file it serves, the new one)
    let last = 'no answer yet';
    let configConfirmed = false;
    for (;;) {
      try {
        const res = await get(options.healthUrl);
        if (res.status === 200) {
          const serving = servingSha(res.body);
          if (!options.expectedSha256 || serving === undefined) break;
          if (serving === options.expectedSha256) {
            configConfirmed = true;
            break;
          }
          last = `healthy, but serving config sha256 ${serving.slice(0, 12)}, not yet ${options.expectedSha256.slice(0, 12)}`;
        } else {
          last = `HTTP ${res.status}${res.body ? ` ${res.body.slice(0, 200)}` : ''}`;
        }
      } catch (err) {
        checkSignal();
        last = describeError(err);
      }
      if (Date.now() >= deadline) {
        throw new RainyModelError(
          'deploy/unhealthy',
          `health check: ${options.healthUrl} not healthy within ${Math.round(options.timeoutMs / 1000)} s (last: ${last})`,
        );
      }
      waiting(options.healthUrl, last);
      await pause(Math.min(pollMs, remaining()), signal);
      checkSignal();
    }
    const healthyAfterMs = Date.now() - started;

    // 2. models
    const modelsUrl = joinUrl(options.baseUrl, '/v1/models');
    let missing: string[] = options.expectedModels;
    let listed: string[] = [];
    for (;;) {
      try {
        const res = await get(modelsUrl);
        if (res.status === 200) {
          const parsed = JSON.parse(res.body) as { data?: Array<{ id?: unknown }> };
          listed = (parsed.data ?? []).map((m) => String(m.id));
          const have = new Set(listed);
          missing = options.expectedModels.filter((m) => !have.has(m));
          if (missing.length === 0) break;
          last = `missing ${missing.join(', ')}`;
        } else {
          last = `HTTP ${res.status}${res.status === 401 ? ' (set the master key variable for apply too)' : ''}`;
        }
      } catch (err) {
        checkSignal();
        last = describeError(err);
      }
      if (Date.now() >= deadline) {
        throw new RainyModelError(
          'deploy/models-missing',
          `model check: ${modelsUrl} did not list every expected model within ${Math.round(options.timeoutMs / 1000)} s (last: ${last})`,
        );
      }
      waiting(modelsUrl, last);
      await pause(Math.min(pollMs, remaining()), signal);
      checkSignal();
    }

    // 3. canary: one real completion, once; the proxy does its own retries and fallbacks behind it.
    let canary: VerifyReport['canary'];
    if (options.canary) {
      const url = joinUrl(options.baseUrl, '/v1/chat/completions');
      // A canary needs a real upstream round trip; give it some room even when health took most of the budget.
      const timeout = Math.max(remaining(), 30_000);
      let status: number;
      let body: string;
      try {
        const res = await request(url, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({
            model: options.canary,
            messages: [{ role: 'user', content: 'Reply with the single word: ok' }],
            max_tokens: 5,
            stream: false,
          }),
          dispatcher: agent,
          headersTimeout: timeout,
          bodyTimeout: timeout,
          ...(signal ? { signal } : {}),
        });
        status = res.statusCode;
        body = await res.body.text();
      } catch (err) {
        checkSignal();
        throw new RainyModelError('deploy/canary', `canary: POST ${url} (model ${options.canary}) failed: ${describeError(err)}`, { cause: err });
      }
      let ok = false;
      try {
        const parsed = JSON.parse(body) as { choices?: unknown[] };
        ok = status >= 200 && status < 300 && Array.isArray(parsed.choices) && parsed.choices.length > 0;
      } catch {
        ok = false;
      }
      if (!ok) {
        throw new RainyModelError('deploy/canary', `canary: model ${options.canary} answered HTTP ${status}: ${body.slice(0, 300)}`);
      }
      canary = { model: options.canary, status };
    }
    return { healthyAfterMs, models: listed, configConfirmed, ...(canary ? { canary } : {}) };
  } finally {
    await agent.close().catch(() => undefined);
  }
}
