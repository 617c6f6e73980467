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

type Answer = { status: number; body: string };
/** What one poll made of an answer: done (with a value), or what to say it is still waiting for. */
type Verdict<T> = { done: T } | { last: string };

/** One verification's HTTP: a private agent, the key, the deadline, the signal, and what it says while it waits. */
class Probe {
  readonly started = Date.now();
  private readonly deadline: number;
  // A private agent: keep-alive sockets to a process that is being restarted must not leak into other code.
  private readonly agent = new Agent({ keepAliveTimeout: 1000, connect: { timeout: 5000 } });
  readonly headers: Record<string, string> = { accept: 'application/json' };
  private reported = 0;

  constructor(private readonly options: VerifyOptions) {
    this.deadline = this.started + options.timeoutMs;
    if (options.masterKey) this.headers.authorization = `Bearer ${options.masterKey}`;
  }

  remaining(): number {
    return Math.max(1, this.deadline - Date.now());
  }

  checkSignal(): void {
    if (this.options.signal?.aborted) throw interrupted(this.options.signal, 'while verifying');
  }

  async send(url: string, init: { method: 'GET' | 'POST'; body?: string; timeoutMs: number; headers?: Record<string, string> }): Promise<Answer> {
    const { signal } = this.options;
    const res = await request(url, {
      method: init.method,
      headers: { ...this.headers, ...init.headers },
      ...(init.body !== undefined ? { body: init.body } : {}),
      dispatcher: this.agent,
      headersTimeout: init.timeoutMs,
      bodyTimeout: init.timeoutMs,
      ...(signal ? { signal } : {}),
    });
    return { status: res.statusCode, body: await res.body.text() };
  }

  /** GETs `url` every pollMs until `judge` says done, the deadline passes (`expired`) or the signal aborts. */
  async poll<T>(url: string, judge: (answer: Answer) => Verdict<T>, expired: (last: string, seconds: number) => RainyModelError): Promise<T> {
    let last = 'no answer yet';
    for (;;) {
      try {
        const verdict = judge(await this.send(url, { method: 'GET', timeoutMs: Math.min(10_000, this.remaining()) }));
        if ('done' in verdict) return verdict.done;
        last = verdict.last;
      } catch (err) {
        this.checkSignal();
        last = describeError(err);
      }
      if (Date.now() >= this.deadline) throw expired(last, Math.round(this.options.timeoutMs / 1000));
      this.waiting(url, last);
      await pause(Math.min(this.options.pollMs ?? 250, this.remaining()), this.options.signal);
      this.checkSignal();
    }
  }

  /** Says what it waits for, at once and then every progressMs, so a long wait is never a silent one. */
  private waiting(url: string, last: string): void {
    const { onProgress, progressMs, timeoutMs } = this.options;
    if (!onProgress || (this.reported !== 0 && Date.now() - this.reported < (progressMs ?? 5000))) return;
    this.reported = Date.now();
    onProgress(`waiting for ${url}: ${last} (${Math.round((Date.now() - this.started) / 1000)} s of ${Math.round(timeoutMs / 1000)} s)`);
  }

  close(): Promise<void> {
    return this.agent.close().catch(() => undefined);
  }
}

/** 1. health (and, where the proxy says which file it serves, the new one); true when that was confirmed. */
function waitHealthy(probe: Probe, options: VerifyOptions): Promise<boolean> {
  return probe.poll(
    options.healthUrl,
    (res): Verdict<boolean> => {
      if (res.status !== 200) return { last: `HTTP ${res.status}${res.body ? ` ${res.body.slice(0, 200)}` : ''}` };
      const serving = servingSha(res.body);
      if (!options.expectedSha256 || serving === undefined) return { done: false };
      if (serving === options.expectedSha256) return { done: true };
      return { last: `healthy, but serving config sha256 ${serving.slice(0, 12)}, not yet ${options.expectedSha256.slice(0, 12)}` };
    },
    (last, seconds) => new RainyModelError('deploy/unhealthy', `health check: ${options.healthUrl} not healthy within ${seconds} s (last: ${last})`),
  );
}

/** 2. /v1/models until it lists every expected model; returns the list. */
function waitModels(probe: Probe, options: VerifyOptions): Promise<string[]> {
  const url = joinUrl(options.baseUrl, '/v1/models');
  return probe.poll(
    url,
    (res): Verdict<string[]> => {
      if (res.status !== 200) return { last: `HTTP ${res.status}${res.status === 401 ? ' (set the master key variable for apply too)' : ''}` };
      const parsed = JSON.parse(res.body) as { data?: Array<{ id?: unknown }> };
      const listed = (parsed.data ?? []).map((m) => String(m.id));
      const have = new Set(listed);
      const missing = options.expectedModels.filter((m) => !have.has(m));
      return missing.length === 0 ? { done: listed } : { last: `missing ${missing.join(', ')}` };
    },
    (last, seconds) => new RainyModelError('deploy/models-missing', `model check: ${url} did not list every expected model within ${seconds} s (last: ${last})`),
  );
}

/** 3. canary: one real completion, once; the proxy does its own retries and fallbacks behind it. */
async function canary(probe: Probe, model: string, baseUrl: string): Promise<{ model: string; status: number }> {
  const url = joinUrl(baseUrl, '/v1/chat/completions');
  let answer: Answer;
  try {
    answer = await probe.send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages: [{ role: 'user', content: 'Reply with the single word: ok' }], max_tokens: 5, stream: false }),
      // A canary needs a real upstream round trip; give it some room even when health took most of the budget.
      timeoutMs: Math.max(probe.remaining(), 30_000),
    });
  } catch (err) {
    probe.checkSignal();
    throw new RainyModelError('deploy/canary', `canary: POST ${url} (model ${model}) failed: ${describeError(err)}`, { cause: err });
  }
  let ok = false;
  try {
    const parsed = JSON.parse(answer.body) as { choices?: unknown[] };
    ok = answer.status >= 200 && answer.status < 300 && Array.isArray(parsed.choices) && parsed.choices.length > 0;
  } catch {
    ok = false;
  }
  if (!ok) throw new RainyModelError('deploy/canary', `canary: model ${model} answered HTTP ${answer.status}: ${answer.body.slice(0, 300)}`);
  return { model, status: answer.status };
}

export async function verify(options: VerifyOptions): Promise<VerifyReport> {
  const probe = new Probe(options);
  try {
    const configConfirmed = await waitHealthy(probe, options);
    const healthyAfterMs = Date.now() - probe.started;
    const models = await waitModels(probe, options);
    const checked = options.canary ? await canary(probe, options.canary, options.baseUrl) : undefined;
    return { healthyAfterMs, models, configConfirmed, ...(checked ? { canary: checked } : {}) };
  } finally {
    await probe.close();
  }
}
