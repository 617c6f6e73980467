// `rmctl doctor` as a child process against local fake providers that fail in each way it looks for.
// (needs `npm run build`)
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanupAll, startUpstream, sendJson, writeTempFile } from '../proxy/helpers.js';
import { RMCTL } from './support/serve-process.js';
import { anthropicProvider, closedPort, fakeDns, geminiProvider, httpsProvider, ollamaProvider, openAIProvider, silentServer } from './support/fake-providers.js';

const run = promisify(execFile);

afterEach(cleanupAll);

const GOOD = 'sk-doctor-good-0123456789abcdef';
const WRONG = 'sk-doctor-wrong-fedcba9876543210';
const ENV = { DOCTOR_GOOD_KEY: GOOD, DOCTOR_WRONG_KEY: WRONG };

interface Check {
  status: string;
  detail: string;
}
interface Report {
  ok: boolean;
  groups: Array<{ group: string; status: string; healthy: number; deployments: number }>;
  deployments: Array<{ deployment: string; group: string; status: string; config: Check; reach: { dns: Check; tcp: Check; tls: Check }; key: Check; model_offered: Check; completion: Check; latency_ms?: number }>;
}

async function doctor(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [RMCTL, 'doctor', ...args], { env: { ...process.env, ...ENV, ...env } });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function deployment(id: string, group: string, model: string, apiBase: string, key = 'DOCTOR_GOOD_KEY', extra = ''): string {
  return `  - model_name: ${group}
    litellm_params: { model: ${model}, api_base: "${apiBase}", api_key: os.environ/${key}${extra} }
    model_info: { id: ${id}, provider: ${id.split('-')[0]} }
`;
}

const configOf = (deployments: string[]): string => writeTempFile(`model_list:\n${deployments.join('')}general_settings: { master_key: os.environ/DOCTOR_UNSET_MASTER_KEY }\n`);

function byId(report: Report): Map<string, Report['deployments'][number]> {
  return new Map(report.deployments.map((d) => [d.deployment, d]));
}

describe('rmctl doctor', () => {
  it('names what is broken for each deployment, in each wire format, and exits 2', async () => {
    const openai = await openAIProvider(GOOD, ['m1', 'm2-large']);
    const ollama = await ollamaProvider(['llama3:latest', 'qwen2.5:14b']);
    const gemini = await geminiProvider(GOOD, [['gemini-1.5-pro'], ['gemini-2.0-flash']]);
    const anthropic = await anthropicProvider(GOOD, [['claude-sonnet-4-5-20250929'], ['claude-haiku-4-5-20251001']]);
    const tls = await httpsProvider(GOOD, ['m1']);
    const refused = await closedPort();
    const silent = await silentServer();
    const file = configOf([
      deployment('openai-ok', 'healthy', 'openai/m1', openai.base),
      deployment('openai-badkey', 'mixed', 'openai/m1', openai.base, 'DOCTOR_WRONG_KEY'),
      deployment('openai-nomodel', 'mixed', 'openai/m2-larg', openai.base),
      deployment('ollama-ok', 'mixed', 'ollama_chat/llama3', ollama.url),
      deployment('ollama-nomodel', 'mixed', 'ollama_chat/mistral', ollama.url),
      deployment('gemini-ok', 'healthy', 'gemini/gemini-2.0-flash', gemini.url),
      deployment('gemini-badkey', 'mixed', 'gemini/gemini-2.0-flash', gemini.url, 'DOCTOR_WRONG_KEY'),
      deployment('anthropic-ok', 'healthy', 'anthropic/claude-haiku-4-5', anthropic.url),
      deployment('anthropic-badkey', 'down', 'anthropic/claude-haiku-4-5', anthropic.url, 'DOCTOR_WRONG_KEY'),
      deployment('refused-tcp', 'down', 'openai/m1', `http://127.0.0.1:${refused}/v1`),
      deployment('silent-timeout', 'down', 'openai/m1', `http://127.0.0.1:${silent}/v1`),
      deployment('untrusted-tls', 'down', 'openai/m1', `${tls.url}/v1`),
      deployment('unset-env', 'down', 'openai/m1', openai.base, 'DOCTOR_UNSET_KEY'),
    ]);
    const r = await doctor(['-c', file, '--format', 'json', '--timeout', '2']);
    expect(r.code).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    const d = byId(report);
    for (const id of ['openai-ok', 'ollama-ok', 'gemini-ok', 'anthropic-ok']) {
      expect(d.get(id)!.status, `${id}: ${JSON.stringify(d.get(id))}`).toBe('ok');
      expect(d.get(id)!.key.status).toBe('ok');
      expect(d.get(id)!.latency_ms).toBeTypeOf('number');
    }
    expect(d.get('ollama-ok')!.model_offered.detail).toBe('listed as llama3:latest');
    expect(d.get('anthropic-ok')!.model_offered.detail).toBe('listed as claude-haiku-4-5-20251001');
    expect(d.get('openai-badkey')!.key).toMatchObject({ status: 'fail', detail: expect.stringContaining('refused (HTTP 401)') });
    expect(d.get('gemini-badkey')!.key).toMatchObject({ status: 'fail', detail: expect.stringContaining('API key not valid') });
    expect(d.get('anthropic-badkey')!.key).toMatchObject({ status: 'fail', detail: expect.stringContaining('invalid x-api-key') });
    expect(d.get('openai-nomodel')!.model_offered).toMatchObject({ status: 'fail', detail: '"m2-larg" is not offered (2 models listed; did you mean "m2-large"?)' });
    expect(d.get('ollama-nomodel')!.model_offered.status).toBe('fail');
    expect(d.get('refused-tcp')!.reach.tcp).toMatchObject({ status: 'fail', detail: expect.stringContaining('ECONNREFUSED') });
    expect(d.get('silent-timeout')!.key).toMatchObject({ status: 'fail', detail: expect.stringMatching(/timeout/i) });
    expect(d.get('untrusted-tls')!.reach.tls).toMatchObject({ status: 'fail', detail: expect.stringMatching(/self.signed|unable to verify/i) });
    expect(d.get('unset-env')!.config).toMatchObject({ status: 'fail', detail: expect.stringContaining('DOCTOR_UNSET_KEY not set') });
    expect(report.groups).toEqual([
      { group: 'healthy', status: 'ok', healthy: 3, deployments: 3 },
      { group: 'mixed', status: 'degraded', healthy: 1, deployments: 5 },
      { group: 'down', status: 'down', healthy: 0, deployments: 5 },
    ]);
    // The fake echoes the wrong key in its error message: doctor must not pass it on.
    expect(r.stdout + r.stderr).not.toContain(WRONG);
    expect(r.stdout + r.stderr).not.toContain(GOOD);

    const text = await doctor(['-c', file, '--timeout', '2']);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/^GROUP\s+DEPLOYMENT\s+PROVIDER\s+REACH\s+KEY\s+MODEL\s+LATENCY\s+RESULT/);
    expect(text.stdout).toMatch(/openai-badkey .* FAIL\n {4}key: refused \(HTTP 401\)/);
    expect(text.stdout).toContain('group healthy: ok (3/3 deployments usable)');
    expect(text.stdout).toContain('group mixed: degraded (1/5 deployments usable)');
    expect(text.stdout + text.stderr).not.toContain(WRONG);
    expect(text.stdout + text.stderr).not.toContain(WRONG.slice(4, 20));
  }, 60_000);

  it('with --completion sends one minimal request in each wire format, trusts a CA it is given, and exits 0 when all is well', async () => {
    const openai = await openAIProvider(GOOD, ['m1']);
    const ollama = await ollamaProvider(['qwen2.5:14b']);
    const gemini = await geminiProvider(GOOD, [['gemini-2.0-flash']]);
    const anthropic = await anthropicProvider(GOOD, [['claude-haiku-4-5-20251001']]);
    const tls = await httpsProvider(GOOD, ['m1']);
    const file = configOf([
      deployment('openai-ok', 'g', 'openai/m1', openai.base),
      deployment('ollama-ok', 'g', 'ollama_chat/qwen2.5:14b', ollama.url),
      deployment('gemini-ok', 'g', 'gemini/gemini-2.0-flash', gemini.url),
      deployment('anthropic-ok', 'g', 'anthropic/claude-haiku-4-5-20251001', anthropic.url),
      deployment('tls-ok', 'g', 'openai/m1', `${tls.url}/v1`),
    ]);
    const r = await doctor(['-c', file, '--format', 'json', '--completion'], { NODE_EXTRA_CA_CERTS: tls.certFile });
    const report = JSON.parse(r.stdout) as Report;
    expect(r.code, r.stdout).toBe(0);
    expect(report.ok).toBe(true);
    for (const d of report.deployments.filter((x) => x.deployment !== 'tls-ok')) expect(d.completion.status, d.deployment).toBe('ok');
    expect(byId(report).get('tls-ok')!.reach.tls).toMatchObject({ status: 'ok', detail: expect.stringContaining('TLS') });
    expect(openai.seen.find((s) => s.url === '/v1/chat/completions')!.json).toMatchObject({ model: 'm1', max_tokens: 1 });
    expect(ollama.seen.find((s) => s.url === '/api/chat')!.json).toMatchObject({ model: 'qwen2.5:14b', stream: false });
    expect(gemini.seen.find((s) => s.url.endsWith(':generateContent'))!.url).toBe('/v1beta/models/gemini-2.0-flash:generateContent');
    expect(anthropic.seen.find((s) => s.url === '/v1/messages')!.json).toMatchObject({ model: 'claude-haiku-4-5-20251001', max_tokens: 1 });
  }, 60_000);

  it('a failing completion, and a key only a completion can check, are reported', async () => {
    const crashing = await openAIProvider(GOOD, ['m1'], 500);
    // An OpenAI-compatible server without /v1/models: the key is checked by the completion.
    const nolist = await startUpstream((_req, res, seen) => {
      if (seen.url === '/v1/chat/completions') return sendJson(res, 200, { id: 'c', object: 'chat.completion', created: 1, model: 'm1', choices: [{ index: 0, message: { role: 'assistant', content: 'OK' }, finish_reason: 'stop' }] });
      sendJson(res, 404, { error: { message: 'no such route', type: 'invalid_request_error', code: null } });
    });
    const file = configOf([deployment('crashing-chat', 'g', 'openai/m1', crashing.base), deployment('nolist-ok', 'g', 'openai/m1', nolist.base)]);
    const without = JSON.parse((await doctor(['-c', file, '--format', 'json'])).stdout) as Report;
    expect(byId(without).get('nolist-ok')!.key).toMatchObject({ status: 'warn', detail: expect.stringContaining('not verified') });
    const r = await doctor(['-c', file, '--format', 'json', '--completion']);
    expect(r.code).toBe(2);
    const d = byId(JSON.parse(r.stdout) as Report);
    expect(d.get('crashing-chat')!.completion).toMatchObject({ status: 'fail', detail: expect.stringContaining('HTTP 500') });
    expect(d.get('nolist-ok')!.key).toMatchObject({ status: 'ok', detail: 'accepted (completion answered)' });
    expect(d.get('nolist-ok')!.status).toBe('ok');
  }, 60_000);

  it('reports a name that does not resolve, asking a given DNS server', async () => {
    const openai = await openAIProvider(GOOD, ['m1']);
    const dns = await fakeDns('good.test');
    const port = new URL(openai.url).port;
    const file = configOf([deployment('resolves-ok', 'g', 'openai/m1', `http://good.test:${port}/v1`), deployment('nxdomain-bad', 'g', 'openai/m1', `http://nowhere.test:${port}/v1`)]);
    const r = await doctor(['-c', file, '--format', 'json', '--dns-server', dns]);
    const d = byId(JSON.parse(r.stdout) as Report);
    expect(d.get('resolves-ok')!.reach.dns).toMatchObject({ status: 'ok', detail: 'good.test -> 127.0.0.1' });
    expect(d.get('resolves-ok')!.status).toBe('ok');
    expect(d.get('nxdomain-bad')!.reach.dns).toMatchObject({ status: 'fail', detail: expect.stringContaining('cannot resolve nowhere.test') });
    expect(r.code).toBe(2);
  }, 60_000);

  it('probes at most --concurrency deployments at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const held: Array<() => void> = [];
    // Holds each model-list request until a second one arrives, then answers both: with a bound of 2 the
    // count never passes 2, and without one it would reach 6.
    const up = await startUpstream((_req, res, seen) => {
      inFlight++;
      most = Math.max(most, inFlight);
      held.push(() => {
        inFlight--;
        sendJson(res, 200, { object: 'list', data: [{ id: 'm1', object: 'model', created: 1, owned_by: 'x' }] });
      });
      if (held.length >= 2 || seen.headers.authorization === 'Bearer k6') held.splice(0).forEach((f) => f());
    });
    const keys = Object.fromEntries([1, 2, 3, 4, 5, 6].map((i) => [`DOCTOR_K${i}`, `k${i}`]));
    const file = configOf([1, 2, 3, 4, 5, 6].map((i) => deployment(`d${i}-x`, 'g', 'openai/m1', up.base, `DOCTOR_K${i}`)));
    const r = await doctor(['-c', file, '--format', 'json', '--concurrency', '2'], keys);
    expect(r.code, r.stdout).toBe(0);
    expect(up.seen).toHaveLength(6);
    expect(most).toBe(2);
  }, 60_000);

  it.each([
    [['--timeout', '0'], 64, '--timeout must be a positive number'],
    [['--concurrency', 'many'], 64, '--concurrency must be a positive number'],
    [['--provider', 'nobody'], 64, '--provider nobody: not in the config (providers: openai)'],
  ])('refuses %j (exit %i)', async (args, code, message) => {
    const file = configOf([deployment('openai-x', 'g', 'openai/m1', 'http://127.0.0.1:9/v1')]);
    const r = await doctor(['-c', file, ...args]);
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
  });

  it('an invalid config is exit 1 with the problem named', async () => {
    const file = writeTempFile('model_list:\n  - model_name: g\n    litellm_params: {}\n');
    const r = await doctor(['-c', file]);
    expect(r.code).toBe(1);
    // The same words as `rmctl validate` (one schema mapper for every reader of a config).
    expect(r.stderr).toContain('is missing the required key "model"');
  });
});
