// Each alert `rmctl monitoring` writes fires on metrics scraped from a real `rmctl serve` (a child process)
// while local upstreams fail in the matching way, and none fires on healthy traffic. The scrapes become
// `promtool test rules` input, one scrape per evaluation step: the failure mix of each step is what the
// real proxy counted. (needs `npm run build` and promtool from Debian's prometheus package)
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { chatCompletion, cleanupAll, sendJson, startUpstream, type FakeUpstream } from '../proxy/helpers.js';
import { RMCTL, startServe, type ServeProcess } from './support/serve-process.js';
import { promtoolTest, ScrapeRecorder, type AlertExpectation } from './support/scrapes.js';

const run = promisify(execFile);
const KEY = 'sk-operator-test';
const JOB = 'rainymodel';

afterAll(cleanupAll);

let rules: unknown;
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rm-monitoring-'));
  try {
    await run(process.execPath, [RMCTL, 'monitoring', '--out', dir]);
    rules = parse(readFileSync(join(dir, 'rainymodel-alerts.yml'), 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** An upstream answering 200, except `status` for requests whose message carries `fail:<name>`. */
async function upstream(name: string, status = 500, delayMs = 0): Promise<FakeUpstream> {
  return startUpstream((_req, res, seen) => {
    const failing = seen.body.includes(`fail:${name}`);
    const answer = (): void => (failing ? sendJson(res, status, { error: { message: `${name} says ${status}`, type: 'test', code: null } }) : sendJson(res, 200, chatCompletion('m', 'ok')));
    if (delayMs > 0) setTimeout(answer, delayMs);
    else answer();
  });
}

function deployment(name: string, up: FakeUpstream, order: number): string {
  return `  - model_name: g
    litellm_params: { model: openai/m, api_base: ${up.base}, api_key: upstream-key, order: ${order} }
    model_info: { id: ${name}-1, provider: ${name}, tier: free }
`;
}

const rateLimit = (rpm: number): string => `rainymodel:\n  version: 1\n  policies: { auto: [free, internal, direct, premium] }\n  rate_limit: { rpm: ${rpm} }\n`;

function config(deployments: string, extra = ''): string {
  return `model_list:\n${deployments}general_settings: { master_key: ${KEY} }\n${extra}`;
}

/**
 * `total` chat requests, `failing` of them (spread evenly) marked to fail at upstream `name`, `parallel`
 * at a time. Resolves with the statuses.
 */

// The circuit rule counts failures in a sliding 60 s, successes in between or not (state.ts), and these
// tests' "minutes" are seconds: with cooldowns on, a provider failing 1 in 5 would be cooled down after
// its 4th failure instead of staying in rotation as it would at a real minute's pace.
const KEEP_IN_ROTATION = 'router_settings: { disable_cooldowns: true }\n';
async function traffic(serve: ServeProcess, total: number, failing: number, name: string, parallel = 5): Promise<number[]> {
  const statuses: number[] = [];
  const one = async (i: number): Promise<void> => {
    const marked = Math.floor(((i + 1) * failing) / total) > Math.floor((i * failing) / total);
    const content = marked ? `fail:${name}` : 'hello';
    const res = await fetch(`${serve.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'g', messages: [{ role: 'user', content }] }),
    });
    await res.arrayBuffer();
    statuses.push(res.status);
  };
  for (let i = 0; i < total; i += parallel) await Promise.all(Array.from({ length: Math.min(parallel, total - i) }, (_, j) => one(i + j)));
  return statuses;
}

/** Runs `rounds` rounds of traffic against a fresh serve, scraping /metrics after each one. */
async function record(serve: ServeProcess, rounds: number, round: () => Promise<unknown>): Promise<ScrapeRecorder> {
  const rec = new ScrapeRecorder(JOB, serve.instance);
  for (let i = 0; i < rounds; i++) {
    await round();
    expect(await rec.scrape(serve.url)).toBe(true);
  }
  return rec;
}

const labels = (alert: string, extra: Record<string, string>): Record<string, string> => ({ job: JOB, severity: 'warning', rainymodel_alert: alert, ...extra });

const ALERT_NAMES = [
  'RainyModelProviderSuccessRatioLow',
  'RainyModelProviderAuthErrors',
  'RainyModelProviderRateLimited',
  'RainyModelErrorRateHigh',
  'RainyModelLatencyP95High',
  'RainyModelCircuitOpen',
  'RainyModelRateLimitRejections',
  'RainyModelDown',
];

describe.concurrent('rmctl monitoring alerts against a real rmctl serve', () => {
  it('no alert fires on healthy traffic', async () => {
    const a = await upstream('primary');
    const b = await upstream('backup');
    const serve = await startServe(config(deployment('primary', a, 1) + deployment('backup', b, 2), rateLimit(100_000)));
    const rec = await record(serve, 13, async () => expect(new Set(await traffic(serve, 20, 0, 'none'))).toEqual(new Set([200])));
    expect(rec.last('rainymodel_upstream_requests_total', 'outcome="success"', 'provider="primary"')).toBe(260);
    const expectations: AlertExpectation[] = ALERT_NAMES.flatMap((alertname) => [6, 12].map((evalMinutes) => ({ alertname, evalMinutes, alerts: [] })));
    await promtoolTest(rules, rec, expectations);
  }, 120_000);

  it('provider success ratio under 95% for 10 minutes: one provider fails 1 in 5 attempts with 500, fallbacks hide it from clients', async () => {
    const flaky = await upstream('flaky', 500);
    const steady = await upstream('steady');
    const serve = await startServe(config(deployment('flaky', flaky, 1) + deployment('steady', steady, 2), KEEP_IN_ROTATION));
    const rec = await record(serve, 13, async () => expect(new Set(await traffic(serve, 20, 4, 'flaky'))).toEqual(new Set([200])));
    expect(rec.last('rainymodel_upstream_requests_total', 'outcome="500"', 'provider="flaky"')).toBe(52);
    await promtoolTest(rules, rec, [
      { alertname: 'RainyModelProviderSuccessRatioLow', evalMinutes: 12, alerts: [labels('success-ratio', { provider: 'flaky' })] },
      // Pending, not yet firing: the condition has held for less than 10 minutes.
      { alertname: 'RainyModelProviderSuccessRatioLow', evalMinutes: 9, alerts: [] },
      { alertname: 'RainyModelErrorRateHigh', evalMinutes: 12, alerts: [] },
    ]);
  }, 120_000);

  it('401/403 over 2% for 5 minutes: one provider refuses 1 in 10 attempts as unauthorized', async () => {
    // A rejected key cools its deployment down for at least 5 minutes, so with cooldowns on, a test whose
    // minutes are seconds would see one 401 and then an open circuit (the circuit alert's case). Turning
    // cooldowns off keeps the provider in rotation, as replicas or several keys of one provider do.
    const kiro = await upstream('kiro', 401);
    const backup = await upstream('backup');
    const serve = await startServe(config(deployment('kiro', kiro, 1) + deployment('backup', backup, 2), 'router_settings: { disable_cooldowns: true }\n'));
    const rec = await record(serve, 8, () => traffic(serve, 20, 2, 'kiro'));
    expect(rec.last('outcome="401"', 'provider="kiro"')).toBe(16);
    await promtoolTest(rules, rec, [
      { alertname: 'RainyModelProviderAuthErrors', evalMinutes: 7, alerts: [labels('auth-errors', { provider: 'kiro' })] },
      { alertname: 'RainyModelProviderRateLimited', evalMinutes: 7, alerts: [] },
    ]);
  }, 120_000);

  it('429 over 5% for 5 minutes: one provider rate limits 1 in 8 attempts', async () => {
    const quota = await upstream('quota', 429);
    const backup = await upstream('backup');
    const serve = await startServe(config(deployment('quota', quota, 1) + deployment('backup', backup, 2), KEEP_IN_ROTATION));
    const rec = await record(serve, 8, () => traffic(serve, 24, 3, 'quota'));
    expect(rec.last('outcome="429"', 'provider="quota"')).toBe(24);
    await promtoolTest(rules, rec, [
      { alertname: 'RainyModelProviderRateLimited', evalMinutes: 7, alerts: [labels('rate-limited', { provider: 'quota' })] },
      { alertname: 'RainyModelProviderAuthErrors', evalMinutes: 7, alerts: [] },
    ]);
  }, 120_000);

  it('error rate over 10% for 5 minutes: the only deployment fails 1 in 5 requests, clients get 502', async () => {
    const only = await upstream('only', 500);
    const serve = await startServe(config(deployment('only', only, 1), KEEP_IN_ROTATION));
    const rec = await record(serve, 8, async () => {
      const statuses = await traffic(serve, 20, 4, 'only');
      expect(statuses.filter((s) => s === 502)).toHaveLength(4);
    });
    await promtoolTest(rules, rec, [{ alertname: 'RainyModelErrorRateHigh', evalMinutes: 7, alerts: [labels('error-rate', {})] }]);
  }, 120_000);

  it('p95 latency over 5 s for 5 minutes: the upstream takes 5.2 s to answer', async () => {
    const slow = await upstream('slow', 200, 5200);
    const serve = await startServe(config(deployment('slow', slow, 1)));
    // Each scrape stands for two minutes here (5 rounds of 5.2 s instead of 9).
    const rec = await record(serve, 5, () => traffic(serve, 5, 0, 'none', 5));
    await promtoolTest(rules, rec, [{ alertname: 'RainyModelLatencyP95High', evalMinutes: 8, alerts: [labels('p95-latency', { model_group: 'g' })] }], 2);
  }, 120_000);

  it('a circuit open for a minute: one deployment fails every attempt and is cooled down', async () => {
    const broken = await upstream('broken', 500);
    const backup = await upstream('backup');
    const serve = await startServe(config(deployment('broken', broken, 1) + deployment('backup', backup, 2), 'router_settings: { cooldown_time: 600 }\n'));
    const rec = await record(serve, 4, async () => expect(new Set(await traffic(serve, 10, 10, 'broken'))).toEqual(new Set([200])));
    expect(rec.last('rainymodel_circuit_state', 'deployment="broken-1"')).toBe(1);
    await promtoolTest(rules, rec, [
      { alertname: 'RainyModelCircuitOpen', evalMinutes: 3, alerts: [labels('circuit-open', { model_group: 'g', deployment: 'broken-1', provider: 'broken' })] },
    ]);
  }, 120_000);

  it('more than 100 rate-limit rejections a minute: a key limited to 5 requests a minute sends 150 a round', async () => {
    const a = await upstream('primary');
    const serve = await startServe(config(deployment('primary', a, 1), rateLimit(5)));
    let refused = 0;
    const rec = await record(serve, 4, async () => (refused += (await traffic(serve, 150, 0, 'none', 10)).filter((s) => s === 429).length));
    expect(refused).toBeGreaterThan(400);
    expect(rec.last('rainymodel_rate_limit_rejections_total', 'scope="key"')).toBe(refused);
    await promtoolTest(rules, rec, [{ alertname: 'RainyModelRateLimitRejections', evalMinutes: 3, alerts: [labels('rate-limit-rejections', { scope: 'key' })] }]);
  }, 120_000);

  it('the proxy down for a minute: scrapes fail after the process is killed', async () => {
    const a = await upstream('primary');
    const serve = await startServe(config(deployment('primary', a, 1)));
    const rec = new ScrapeRecorder(JOB, serve.instance);
    for (let i = 0; i < 3; i++) {
      await traffic(serve, 5, 0, 'none');
      expect(await rec.scrape(serve.url)).toBe(true);
    }
    await serve.stop();
    for (let i = 0; i < 3; i++) expect(await rec.scrape(serve.url)).toBe(false);
    await promtoolTest(rules, rec, [
      { alertname: 'RainyModelDown', evalMinutes: 2, alerts: [] },
      { alertname: 'RainyModelDown', evalMinutes: 5, alerts: [{ job: JOB, instance: serve.instance, severity: 'critical', rainymodel_alert: 'proxy-down' }] },
    ]);
  }, 120_000);
});
