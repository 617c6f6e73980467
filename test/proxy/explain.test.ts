// rmctl explain agrees with what rmctl serve does: on the project's compiled example every public name,
// under every policy, is requested from a real in-process proxy whose upstreams all fail (plain http
// answering 503, https refused), and x-rainymodel-tried must walk explain's steps in order.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExplainedGroup, ModelExplanation } from '../../src/proxy/explain.js';
import { rmctlInProcess, ROOT } from '../support/cli.js';
import { chatBody, cleanupAll, sendJson, startProxy, startUpstream } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

const EXAMPLE = 'generated/litellm-unified.yaml';
const KEYS = ['HF_TOKEN', 'HF_TOKEN_2', 'OLLAMAFREE_API_KEY', 'DEEPSEEK_API_KEY', 'GEMINI_API_KEY', 'OPENAI_API_KEY', 'ANTHROPIC_API_KEY', 'XAI_API_KEY', 'OPENROUTER_API_KEY'];
const env: Record<string, string> = { RAINYMODEL_MASTER_KEY: 'sk-explain' };
for (const k of KEYS) env[k] = `test-${k.toLowerCase()}`;

async function explain(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return rmctlInProcess(ROOT, ['explain', ...args], { env });
}

/** Deployment id -> (group position in the chain, step): the order explain promises. */
function promised(groups: readonly ExplainedGroup[]): Map<string, [number, number]> {
  const positions = new Map<string, [number, number]>();
  groups.forEach((g, gi) => g.tries.forEach((t) => positions.set(t.id, [gi, t.step])));
  return positions;
}

/** How many attempts explain says a request makes (a shuffled bucket cut by the budget counts its cut). */
function attempts(groups: readonly ExplainedGroup[]): number {
  let n = 0;
  for (const g of groups) {
    const bySteps = new Map<number, number>();
    for (const t of g.tries) {
      const cut = /at most (\d+) of these/.exec(t.pick);
      bySteps.set(t.step, cut ? Number(cut[1]) : (bySteps.get(t.step) ?? 0) + 1);
    }
    for (const v of bySteps.values()) n += v;
  }
  return n;
}

describe('rmctl explain', () => {
  it('lists every public name as a table, and as JSON', async () => {
    const text = await explain(['-c', EXAMPLE]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^NAME\s+GROUP\s+ACTIVE\s+TIERS\s+FIRST TRY \(auto\)\s+FALLBACKS$/);
    expect(text.stdout).toMatch(/^rainymodel\/agent\s+rainymodel\/agent\s+5\/5\s.*rainymodel\/auto$/m);
    const json = await explain(['-c', EXAMPLE, '--format', 'json']);
    const doc = JSON.parse(json.stdout) as { names: Array<{ name: string; active: number }> };
    expect(doc.names.map((n) => n.name)).toContain('embeddings');
  });

  it('says what each deployment is skipped for', async () => {
    const partial = { ...env };
    delete partial.GEMINI_API_KEY;
    const run = await rmctlInProcess(ROOT, ['explain', 'rainymodel/auto', '--policy', 'auto', '--format', 'json', '-c', EXAMPLE], { env: partial });
    const e = JSON.parse(run.stdout) as ModelExplanation;
    const skipped = at(at(e.policies, 0).groups, 0).skipped;
    expect(skipped).toContainEqual(expect.objectContaining({ id: 'rainymodel/auto@gemini/gemini-2.0-flash', reason: 'disabled: environment variable GEMINI_API_KEY not set' }));
    const embeddings = JSON.parse((await explain(['rainymodel/code', '--endpoint', 'embedding', '--policy', 'auto', '--format', 'json', '-c', EXAMPLE])).stdout) as ModelExplanation;
    expect(at(at(embeddings.policies, 0).groups, 0).skipped.some((s) => s.reason === 'anthropic/ does not serve the embedding endpoint')).toBe(true);
    const budget = embeddings.attemptsPerTier;
    expect(budget).toBe(3);
  });

  it('refuses an unknown name or policy with a usage error naming the valid ones', async () => {
    const unknown = await explain(['nope', '-c', EXAMPLE]);
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('"nope" is not served by this config; names: rainymodel/auto');
    const policy = await explain(['rainymodel/auto', '--policy', 'cheap', '-c', EXAMPLE]);
    expect(policy.code).toBe(64);
    expect(policy.stderr).toContain('unknown policy "cheap"; policies: auto, free, uncensored, premium');
  });

  it('explains the sources compiled in memory as it explains their compiled file', async () => {
    const fromFile = await explain(['rainymodel/code', '--format', 'json', '-c', EXAMPLE]);
    const fromSources = await explain(['rainymodel/code', '--format', 'json', '--sources']);
    expect(fromSources.code, fromSources.stderr).toBe(0);
    expect(JSON.parse(fromSources.stdout)).toEqual(JSON.parse(fromFile.stdout));
  });

  it("agrees with rmctl serve's x-rainymodel-tried for every name and policy of the example", async () => {
    const down = await startUpstream((_req, res) => sendJson(res, 503, { error: { message: 'down', type: 'api_error' } }));
    const port = new URL(down.url).port;
    const names = (JSON.parse((await explain(['-c', EXAMPLE, '--format', 'json'])).stdout) as { names: Array<{ name: string }> }).names.map((n) => n.name);
    for (const policy of ['auto', 'free', 'uncensored', 'premium']) {
      // A fresh proxy per policy: each name fails every deployment once, never enough to open a circuit.
      const proxy = await startProxy(readFileSync(`${ROOT}/${EXAMPLE}`, 'utf8'), { env: { ...env, RAINYMODEL_CONNECT_TO: `::127.0.0.1:${port}` }, key: 'sk-explain' });
      for (const name of names) {
        const e = JSON.parse((await explain([name, '--policy', policy, '--format', 'json', '-c', EXAMPLE])).stdout) as ModelExplanation;
        const groups = at(e.policies, 0).groups;
        const r = await proxy.post('/v1/chat/completions', chatBody(name), { 'x-rainymodel-policy': policy });
        const tried = (r.headers.get('x-rainymodel-tried') ?? '').split(',').filter((t) => t !== '').map((t) => t.slice(0, t.lastIndexOf(':')));
        expect(tried.length, `${name} ${policy}`).toBe(attempts(groups));
        if (name === 'rainymodel/auto') expect(tried).toHaveLength(9); // 3 free, 2 internal, 3 direct, 1 premium: the last tier is reached
        const promisedAt = promised(groups);
        let last: [number, number] = [0, 0];
        for (const id of tried) {
          const pos = promisedAt.get(id);
          expect(pos, `${name} ${policy}: ${id} is not in explain's order`).toBeDefined();
          expect(pos![0] > last[0] || (pos![0] === last[0] && pos![1] >= last[1]), `${name} ${policy}: ${id} out of order`).toBe(true);
          last = pos!;
        }
      }
    }
  });
});
