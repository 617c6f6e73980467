// What falls through to the next deployment (exhausted credit or quota, a model one deployment lacks)
// and what stays the client's own 4xx; and the attempt budget that lets a request reach the last tier.
import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, cleanupAll, sendJson, startProxy, startUpstream, type FakeUpstream } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

const failing = (status: number, body: unknown): Promise<FakeUpstream> => startUpstream((_req, res) => sendJson(res, status, body));

const pair = (a: string, b: string): string => `
model_list:
  - { model_name: g, litellm_params: { model: openai/first, api_base: ${a}, order: 1 }, model_info: { id: first } }
  - { model_name: g, litellm_params: { model: openai/second, api_base: ${b}, order: 2 }, model_info: { id: second } }
router_settings: { allowed_fails: 5, cooldown_time: 1 }
`;

interface Health {
  deployments: Array<{ id: string; circuit: string; cooldown_remaining_ms: number }>;
}

const exhausted: Array<[string, number, unknown, string]> = [
  ['OpenRouter / Hugging Face 402 (credits exhausted)', 402, { error: { message: 'Insufficient credits', code: 402 } }, '402'],
  ['OpenAI 429 insufficient_quota', 429, { error: { message: 'You exceeded your current quota, please check your plan and billing details.', type: 'insufficient_quota', code: 'insufficient_quota' } }, 'quota_exhausted'],
  ['Anthropic 400 credit balance too low', 400, { type: 'error', error: { type: 'invalid_request_error', message: 'Your credit balance is too low to access the Anthropic API.' } }, 'quota_exhausted'],
  ['Anthropic 429 spend limit', 429, { type: 'error', error: { type: 'rate_limit_error', message: 'spend limit reached', details: { error_code: 'enforced_spend_limit_reached' } } }, 'quota_exhausted'],
];

describe('what falls through', () => {
  for (const [what, status, body, reason] of exhausted) {
    it(`falls through on ${what} and keeps that deployment out for long`, async () => {
      const bad = await failing(status, body);
      const good = await startUpstream(answers('ok'));
      const proxy = await startProxy(pair(bad.base, good.base));
      const r = await proxy.post('/v1/chat/completions', chatBody('g'));
      expect(r.status).toBe(200);
      expect(r.headers.get('x-rainymodel-tried')).toBe(`first:${reason}`);
      const health = (await (await proxy.get('/health')).json()) as Health;
      expect(at(health.deployments, 0).circuit).toBe('open');
      // Much longer than cooldown_time (1 s): exhausted credit does not come back by itself.
      expect(at(health.deployments, 0).cooldown_remaining_ms).toBeGreaterThan(60_000);
    });
  }

  it('falls through on Anthropic 529 overloaded', async () => {
    const bad = await failing(529, { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } });
    const good = await startUpstream(answers('ok'));
    const proxy = await startProxy(pair(bad.base, good.base));
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(r.headers.get('x-rainymodel-tried')).toBe('first:529');
  });

  it('falls through on a 404 from one deployment whose sibling serves the model', async () => {
    const bad = await failing(404, { error: { message: 'model "first" not found, try pulling it first', type: 'api_error' } });
    const good = await startUpstream(answers('ok'));
    const proxy = await startProxy(pair(bad.base, good.base));
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(r.headers.get('x-rainymodel-tried')).toBe('first:404');
    expect(good.seen).toHaveLength(1);
  });

  it('answers 404 when every deployment answered 404', async () => {
    const a = await failing(404, { error: { message: 'no such model', type: 'invalid_request_error' } });
    const b = await failing(404, { error: { message: 'no such model', type: 'invalid_request_error' } });
    const proxy = await startProxy(pair(a.base, b.base));
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(404);
    const body = (await r.json()) as { error: { code: string } };
    expect(body.error.code).toBe('model_not_found');
    expect(r.headers.get('x-rainymodel-tried')).toBe('first:404,second:404');
  });

  it('returns a plain 400 (the client\'s mistake) at once, with no mark against the upstream', async () => {
    const bad = await failing(400, { error: { message: "'messages' must not be empty", type: 'invalid_request_error' } });
    const good = await startUpstream(answers('ok'));
    const proxy = await startProxy(pair(bad.base, good.base));
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(400);
    expect(good.seen).toHaveLength(0);
    const health = (await (await proxy.get('/health')).json()) as Health;
    expect(at(health.deployments, 0).circuit).toBe('closed');
  });
});

describe('attempt budget', () => {
  it('gives each tier num_retries + 1 attempts, so a request reaches the last tier', async () => {
    const down = await failing(503, { error: { message: 'down', type: 'api_error' } });
    const good = await startUpstream(answers('premium'));
    const dep = (id: string, tier: string, base: string): string =>
      `  - { model_name: g, litellm_params: { model: openai/${id}, api_base: ${base} }, model_info: { id: ${id}, rainymodel_tier: ${tier} } }`;
    const config = `
model_list:
${dep('f1', 'free', down.base)}
${dep('f2', 'free', down.base)}
${dep('f3', 'free', down.base)}
${dep('i1', 'internal', down.base)}
${dep('i2', 'internal', down.base)}
${dep('d1', 'direct', down.base)}
${dep('p1', 'premium', good.base)}
router_settings: { num_retries: 1, allowed_fails: 10, routing_strategy: simple-shuffle }
`;
    const proxy = await startProxy(config);
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(r.headers.get('x-rainymodel-upstream')).toBe('openai');
    const tried = (r.headers.get('x-rainymodel-tried') ?? '').split(',').map((t) => at(t.split(':'), 0));
    // Two of the three free ones, both internal ones (each tier shuffled), the direct one, then premium serves.
    expect(tried).toHaveLength(5);
    expect(tried.slice(0, 2).every((id) => id.startsWith('f'))).toBe(true);
    expect([...tried.slice(2, 4)].sort()).toEqual(['i1', 'i2']);
    expect(tried[4]).toBe('d1');
    expect(down.seen).toHaveLength(5);
  });
});

describe('attempt budget of a hand-written fallback list', () => {
  it('walks every deployment once when tiers are inferred and span several tiers', async () => {
    // Fails every model but the aggregator's.
    const up = await startUpstream((_req, res, seen) => {
      if (seen.json?.model === 'qwen/qwen-2.5-72b-instruct') return answers('ok')(_req, res, seen);
      sendJson(res, 503, { error: { message: 'down', type: 'api_error' } });
    });
    // Free (HF), three internal Ollama servers (port 11434), premium (OpenRouter): num_retries 0 would give
    // a balanced group one attempt per tier; the author's list is walked in full.
    const config = `
model_list:
  - { model_name: g, litellm_params: { model: huggingface/Qwen/Qwen2.5-72B-Instruct, api_base: "http://hf.example/v1" } }
  - { model_name: g, litellm_params: { model: openai/qwen2.5:14b, api_base: "http://203.0.113.10:11434/v1" } }
  - { model_name: g, litellm_params: { model: openai/qwen2.5:7b, api_base: "http://203.0.113.11:11434/v1" } }
  - { model_name: g, litellm_params: { model: openai/qwen2.5:3b, api_base: "http://203.0.113.12:11434/v1" } }
  - { model_name: g, litellm_params: { model: openrouter/qwen/qwen-2.5-72b-instruct, api_base: "http://openrouter.example/api/v1" } }
router_settings: { num_retries: 0, allowed_fails: 10 }
`;
    const proxy = await startProxy(config, { env: { RAINYMODEL_CONNECT_TO: `::127.0.0.1:${new URL(up.url).port}` } });
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(r.headers.get('x-rainymodel-route')).toBe('premium');
    expect(up.seen.map((s) => s.json?.model)).toEqual(['Qwen/Qwen2.5-72B-Instruct', 'qwen2.5:14b', 'qwen2.5:7b', 'qwen2.5:3b', 'qwen/qwen-2.5-72b-instruct']);
  });
});
