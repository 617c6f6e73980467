// `rmctl serve` on RainyModel's own hand-written config (../shared/compat/rainymodel/main), unchanged,
// tries deployments in the order that team's router does (EXPECTED-ORDER.md), for every alias and policy.
// The file's public URLs (router.huggingface.co, OpenRouter's default base, two Ollama servers' public
// IPs) are served by local servers: nothing here reaches the internet.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { ModelExplanation } from '../../src/proxy/explain.js';
import { withDefaults } from '../../src/shared/env.js';
import { rmctlInProcess, ROOT } from '../support/cli.js';
import { cleanupAll } from './helpers.js';
import { makeCertificates, spawnServe, startLocalUpstream, type LocalUpstream, type SeenCall } from './public-hosts.js';
import { at } from '../support/must.js';

const CONFIG = '/work/shared/compat/rainymodel/main/litellm_config.yaml';
const MASTER = 'sk-compat-master';

/** EXPECTED-ORDER.md, the table "Order tried per request": deployment numbers in file order per group. */
function expectedOrders(): Map<string, Map<string, number[]>> {
  const text = readFileSync('/work/shared/compat/rainymodel/main/EXPECTED-ORDER.md', 'utf8');
  const section = text.slice(text.indexOf('| group | auto (default)'));
  const lines = section.split('\n').filter((l) => l.startsWith('| rainymodel/'));
  const policies = ['auto', 'free', 'uncensored', 'premium'];
  const out = new Map<string, Map<string, number[]>>();
  for (const line of lines) {
    const cells = line.split('|').map((c) => c.trim()).filter((c) => c !== '');
    const byPolicy = new Map<string, number[]>();
    policies.forEach((p, i) => byPolicy.set(p, at(cells, i + 1).split(/\s+/).map(Number)));
    out.set(at(cells, 0), byPolicy);
  }
  return out;
}

interface FileDeployment {
  group: string;
  model: string;
  host: string;
}

/** The file's deployments per group in file order, with the host each one is sent to (defaults applied). */
function fileDeployments(): Map<string, FileDeployment[]> {
  const doc = parse(readFileSync(CONFIG, 'utf8')) as { model_list: Array<{ model_name: string; litellm_params: { model: string; api_base?: string } }> };
  const out = new Map<string, FileDeployment[]>();
  for (const d of doc.model_list) {
    const base = d.litellm_params.api_base ? withDefaults(d.litellm_params.api_base) : 'https://openrouter.ai/api/v1';
    const list = out.get(d.model_name) ?? [];
    list.push({ group: d.model_name, model: d.litellm_params.model, host: new URL(base).host });
    out.set(d.model_name, list);
  }
  return out;
}

const upstreamModel = (m: string): string => m.slice(m.indexOf('/') + 1);
const isCall = (call: SeenCall, d: FileDeployment): boolean => call.host === d.host && call.model === upstreamModel(d.model);

describe('rmctl serve on the RainyModel compat config', () => {
  afterEach(cleanupAll);

  const expected = expectedOrders();
  const files = fileDeployments();

  it('reads 16 (alias, policy) cases from EXPECTED-ORDER.md', () => {
    expect([...expected.values()].flatMap((m) => [...m.values()])).toHaveLength(16);
  });

  for (const policy of ['auto', 'free', 'uncensored', 'premium']) {
    it(`tries every alias's deployments in the expected order under policy ${policy}`, async () => {
      // Every deployment but the one expected last fails (HF with 402, its credits exhausted; the others
      // with 503), so x-rainymodel-tried names the first three in order and the last one serves.
      const ca = await makeCertificates(['router.huggingface.co', 'openrouter.ai']);
      let servedBy: FileDeployment | undefined;
      const answer = (call: SeenCall, res: import('node:http').ServerResponse): void => {
        if (servedBy && isCall(call, servedBy)) {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: 'x', object: 'chat.completion', created: 1, model: call.model, choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] }));
          return;
        }
        const status = call.host === 'router.huggingface.co' ? 402 : 503;
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: status === 402 ? 'You have exceeded your monthly included credits' : 'unavailable', type: 'api_error' } }));
      };
      const tls: LocalUpstream = await startLocalUpstream(answer, ca);
      const plain: LocalUpstream = await startLocalUpstream(answer);
      const connectTo = [
        `router.huggingface.co:443:127.0.0.1:${tls.port}`,
        `openrouter.ai:443:127.0.0.1:${tls.port}`,
        `164.92.147.36:11434:127.0.0.1:${plain.port}`,
        `178.128.196.3:11434:127.0.0.1:${plain.port}`,
      ].join(',');
      const env = { HF_TOKEN: 'hf-test', OPENROUTER_API_KEY: 'or-test', RAINYMODEL_MASTER_KEY: MASTER };
      const serve = await spawnServe(CONFIG, { ...env, NODE_EXTRA_CA_CERTS: ca.caFile, RAINYMODEL_CONNECT_TO: connectTo });

      for (const [alias, byPolicy] of expected) {
        const order = byPolicy.get(policy)!.map((n) => at(files.get(alias)!, n - 1, `deployment ${n} of ${alias} in ${CONFIG}`));
        servedBy = at(order, -1, `the deployment expected to serve ${alias} under ${policy}`);
        const before = tls.seen.length + plain.seen.length;
        const res = await fetch(`${serve.url}/v1/chat/completions`, {
          method: 'POST',
          headers: { authorization: `Bearer ${MASTER}`, 'content-type': 'application/json', 'x-rainymodel-policy': policy },
          body: JSON.stringify({ model: alias, messages: [{ role: 'user', content: 'hi' }] }),
        });
        const body = await res.text();
        expect(res.status, `${alias} ${policy}: ${body}`).toBe(200);
        const tried = (res.headers.get('x-rainymodel-tried') ?? '').split(',').map((t) => t.slice(0, t.lastIndexOf(':')));
        const triedHosts = tried.map((id) => id.slice(id.lastIndexOf('@') + 1));
        expect(triedHosts, `${alias} ${policy}`).toEqual(order.slice(0, -1).map((d) => d.host));
        const calls = [...tls.seen, ...plain.seen].length - before;
        expect(calls).toBe(order.length);
        expect(res.headers.get('x-rainymodel-model')).toBe(upstreamModel(servedBy.model));
        expect(res.headers.get('x-rainymodel-route')).toBe(servedBy.host.startsWith('router.') ? 'free' : servedBy.host === 'openrouter.ai' ? 'premium' : 'internal');

        // rmctl explain, on the same file and environment, says the same order.
        const run = await rmctlInProcess(ROOT, ['explain', alias, '--policy', policy, '--format', 'json', '-c', CONFIG], { env });
        expect(run.code, run.stderr).toBe(0);
        const explained = at(at((JSON.parse(run.stdout) as ModelExplanation).policies, 0).groups, 0).tries;
        expect(explained.map((t) => t.step)).toEqual([1, 2, 3, 4]);
        expect(explained.slice(0, -1).map((t) => t.id)).toEqual(tried);
        expect(at(explained, 3).id.endsWith(`@${servedBy.host}`)).toBe(true);
        expect(at(explained, 3).model).toBe(upstreamModel(servedBy.model));
      }
    });
  }
});
