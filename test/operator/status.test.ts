// Windowed figures in rmctl serve (/status/json behind the keys), the ring they are kept in, the static
// status page files, and `rmctl status` as a child process against a real proxy on a real socket.
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { SlotRing, type WindowFigures } from '../../src/proxy/status/ring.js';
import { chatCompletion, cleanupAll, sendJson, startProxy, startUpstream } from '../proxy/helpers.js';
import { RMCTL } from './support/serve-process.js';

const run = promisify(execFile);
const KEY = 'sk-status-master-0123456789';
const SECOND_KEY = 'sk-status-second-0123456789';

afterEach(cleanupAll);

type Figures = WindowFigures;
interface Status {
  config: { path: string; sha256: string; loaded_at: string; model_groups: number; deployments: number };
  deployments: Array<{ id: string; provider: string; circuit: string; cooldown_remaining_ms: number; in_flight: number; '1m': Figures; '10m': Figures }>;
  providers: Array<{ provider: string; circuits: Record<string, number>; '1m': Figures; hour: Array<{ requests: number; errors: number; s429: number }> }>;
  keys: Array<{ key: string; requests: number; rpm: number; use: number }>;
  last_errors: Array<{ deployment: string; provider: string; status: number | null; reason: string }>;
  in_flight: number;
}

/** Upstream answering by the message: "401", "429", "500" fail with that status, anything else is served. */
async function scriptedUpstream() {
  return startUpstream((_req, res, seen) => {
    const content = JSON.stringify(seen.json?.messages ?? '');
    for (const status of [401, 429, 500]) if (content.includes(`say-${status}`)) return sendJson(res, status, { error: { message: `upstream ${status}`, type: 'test', code: null } });
    sendJson(res, 200, chatCompletion('m', 'ok'));
  });
}

async function proxyWithTraffic() {
  const primary = await scriptedUpstream();
  const backup = await scriptedUpstream();
  const proxy = await startProxy(
    `model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${primary.base}, order: 1 }, model_info: { id: primary-1, provider: primary } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${backup.base}, order: 2 }, model_info: { id: backup-1, provider: backup } }
router_settings: { allowed_fails: 100 }
general_settings: { master_key: ${KEY} }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  auth: { keys: [${SECOND_KEY}] }
  rate_limit: { rpm: 1000 }
`,
    { key: KEY },
  );
  const chat = (content: string, key = KEY) => proxy.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content }] }, { authorization: `Bearer ${key}` });
  for (let i = 0; i < 6; i++) expect((await chat('hello')).status).toBe(200);
  expect((await chat('say-429')).status).toBe(429); // both deployments rate limit it
  expect((await chat('say-500')).status).toBe(502);
  expect((await chat('hello', SECOND_KEY)).status).toBe(200);
  // 401 from primary only: its circuit opens for a long time (a refused key), backup serves.
  primary.setHandler((_req, res) => sendJson(res, 401, { error: { message: 'bad key', type: 'auth', code: null } }));
  expect((await chat('hello')).status).toBe(200);
  return { proxy, primary, backup };
}

describe('windowed figures (/status/json)', () => {
  it('is behind the same keys, and counts per deployment, provider and key over 1 and 10 minutes', async () => {
    const { proxy } = await proxyWithTraffic();
    expect((await fetch(`${proxy.url}/status/json`)).status).toBe(401);
    const res = await proxy.get('/status/json');
    expect(res.status).toBe(200);
    const s = (await res.json()) as Status;
    expect(s.config.sha256).toBe(createHash('sha256').update(readFileSync(proxy.configPath)).digest('hex'));
    expect(s.config).toMatchObject({ path: proxy.configPath, model_groups: 1, deployments: 2 });
    expect(Date.parse(s.config.loaded_at)).toBeLessThanOrEqual(Date.now());
    const primary = s.deployments.find((d) => d.id === 'primary-1')!;
    const backup = s.deployments.find((d) => d.id === 'backup-1')!;
    // primary: 7 served + 1 served for SECOND_KEY, 429, 500, then 401.
    expect(primary['1m']).toMatchObject({ requests: 10, successes: 7, s401: 1, s429: 1, errors: 1, success_ratio: 0.7 });
    expect(primary['10m'].requests).toBe(10);
    expect(primary.circuit).toBe('open');
    expect(primary.cooldown_remaining_ms).toBeGreaterThan(0);
    expect(backup['1m']).toMatchObject({ requests: 3, successes: 1, s429: 1, errors: 1 });
    expect(primary['1m'].p50_ms).toBeGreaterThanOrEqual(0);
    expect(primary['1m'].p99_ms).toBeGreaterThanOrEqual(primary['1m'].p50_ms!);
    const p = s.providers.find((x) => x.provider === 'primary')!;
    expect(p.circuits).toMatchObject({ open: 1, closed: 0 });
    expect(p.hour).toHaveLength(60);
    // The last hour, minute by minute (summed: the traffic may straddle a minute's end).
    const total = (k: 'requests' | 'errors' | 's429'): number => p.hour.reduce((a, m) => a + m[k], 0);
    expect([total('requests'), total('errors'), total('s429')]).toEqual([10, 3, 1]);
    expect(s.keys).toEqual(
      expect.arrayContaining([
        { key: 'master', rpm: 1000, tpm: null, requests: 9, tokens: 0, use: 0.009 },
        { key: 'key#1', rpm: 1000, tpm: null, requests: 1, tokens: 0, use: 0.001 },
      ]),
    );
    expect(s.last_errors[0]).toMatchObject({ deployment: 'primary-1', provider: 'primary', status: 401, reason: '401' });
    expect(s.last_errors.map((e) => e.status)).toEqual([401, 500, 500, 429, 429]);
    expect(JSON.stringify(s)).not.toContain(KEY);
  });
});

describe('the slot ring', () => {
  it('keeps the last 1 and 10 minutes apart and reuses its slots as time moves on (bounded memory)', () => {
    const ring = new SlotRing(10_000, 60);
    const t0 = 1_000_000_000_000;
    ring.record(t0, 'success', 100);
    ring.record(t0 + 5 * 60_000, '429', 0);
    ring.record(t0 + 9 * 60_000, 'success', 1000);
    ring.record(t0 + 9 * 60_000 + 1, '401', 0);
    expect(ring.window(t0 + 9 * 60_000 + 2, 60_000)).toMatchObject({ requests: 2, successes: 1, s401: 1 });
    expect(ring.window(t0 + 9 * 60_000 + 2, 600_000)).toMatchObject({ requests: 4, successes: 2, s429: 1, s401: 1 });
    // Eleven minutes on, the first success has left the ring; its slot was cleared when reused.
    ring.record(t0 + 10 * 60_000, 'success', 10);
    const later = ring.window(t0 + 10 * 60_000, 600_000);
    expect(later).toMatchObject({ requests: 4, successes: 2 });
    expect(ring.window(t0 + 30 * 60_000, 600_000).requests).toBe(0);
  });

  it('estimates percentiles within the resolution of its bins', () => {
    const ring = new SlotRing(60_000, 60);
    const now = 2_000_000_000_000;
    for (let i = 1; i <= 100; i++) ring.record(now, 'success', i * 10);
    const f = ring.window(now, 60_000);
    expect(f.p50_ms! / 500).toBeGreaterThan(0.8);
    expect(f.p50_ms! / 500).toBeLessThan(1.2);
    expect(f.p99_ms! / 990).toBeGreaterThan(0.8);
    expect(f.p99_ms! / 990).toBeLessThan(1.2);
  });
});

describe('the status page files', () => {
  it('are served without a key (they hold no data) with a strict content security policy', async () => {
    const { proxy } = await proxyWithTraffic();
    const page = await fetch(`${proxy.url}/ui`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await page.text();
    expect(html).toContain('<script src="/ui/app.js" defer></script>');
    expect(html).not.toMatch(/https?:\/\//);
    expect((await fetch(`${proxy.url}/ui/app.js`)).headers.get('content-type')).toContain('javascript');
    expect((await fetch(`${proxy.url}/ui/style.css`)).status).toBe(200);
    // Only the page's own three files: nothing else under ui/ (or beside it) is reachable.
    expect((await fetch(`${proxy.url}/ui/..%2F..%2Fpackage.json`)).status).toBe(404);
  });
});

async function status(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [RMCTL, 'status', ...args], { env: { ...process.env, RMCTL_API_KEY: '', RAINYMODEL_MASTER_KEY: '', ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('rmctl status', () => {
  it('shows the proxy like top: deployments, providers, keys, last errors; --format json; --watch', async () => {
    const { proxy } = await proxyWithTraffic();
    const r = await status(['--url', proxy.url], { RMCTL_API_KEY: KEY });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^rmctl serve http:\/\/127\.0\.0\.1:\d+ {2}config [0-9a-f]{12} /);
    expect(r.stdout).toMatch(/^DEPLOYMENT\s+PROVIDER\s+CIRCUIT\s+COOLDOWN\s+INFL\s+REQ\/1m\s+OK\/1m\s+401\s+403\s+429\s+P50\/1m/m);
    expect(r.stdout).toMatch(/^primary-1\s+primary\s+open\s+\d+s\s+0\s+10\s+70%\s+1\s+0\s+1\s/m);
    expect(r.stdout).toMatch(/^backup-1\s+backup\s+closed\s+-\s+0\s+3\s+33\.3%/m);
    expect(r.stdout).toMatch(/^master\s+9\s+1000\s+0\s+-\s+0\.9%/m);
    expect(r.stdout).toMatch(/primary-1 \(primary\) {2}401 HTTP 401/);
    expect(r.stdout).not.toContain(KEY);

    const json = await status(['--url', proxy.url, '--format', 'json', '--key-env', 'MY_KEY'], { MY_KEY: KEY });
    expect((JSON.parse(json.stdout) as Status).deployments).toHaveLength(2);

    const watched = await status(['--url', proxy.url, '--watch', '--interval', '0.05', '--count', '3'], { RAINYMODEL_MASTER_KEY: KEY });
    expect(watched.code).toBe(0);
    expect(watched.stdout.match(/^rmctl serve /gm)).toHaveLength(3);
  });

  it('says what to do when the key is refused or nothing listens (exit 2), and refuses bad options (64)', async () => {
    const { proxy } = await proxyWithTraffic();
    const refused = await status(['--url', proxy.url], { RMCTL_API_KEY: 'sk-wrong' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('refused the key: export RMCTL_API_KEY=');
    const port = new URL(proxy.url).port;
    await proxy.server.shutdown();
    const down = await status(['--url', `http://127.0.0.1:${port}`], { RMCTL_API_KEY: KEY });
    expect(down.code).toBe(2);
    expect(down.stderr).toContain(`cannot reach rmctl serve at http://127.0.0.1:${port}`);
    const bad = await status(['--interval', '0']);
    expect(bad.code).toBe(64);
    expect(bad.stderr).toContain('--interval must be a positive number');
  });
});
