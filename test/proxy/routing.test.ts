import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, cleanupAll, startProxy, startUpstream } from './helpers.js';
import { at } from '../support/must.js';
import type { ServerResponse } from 'node:http';

afterEach(cleanupAll);

describe('serving and routing', () => {
  it('serves a chat completion through the openai SDK with the model rewritten and x-rainymodel headers', async () => {
    const up = await startUpstream(answers('hello'));
    const proxy = await startProxy(`
model_list:
  - model_name: rainymodel/auto
    litellm_params: { model: openai/qwen2.5-72b, api_base: ${up.base}, api_key: sk-upstream-secret }
    model_info: { tier: free, provider: hf_router }
`);
    const { data, response } = await proxy
      .client()
      .chat.completions.create({ model: 'rainymodel/auto', messages: [{ role: 'user', content: 'hi' }], temperature: 0.2, tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { model: { type: 'string' } } } } }] })
      .withResponse();
    expect(at(data.choices, 0).message.content).toBe('hello');
    expect(up.seen).toHaveLength(1);
    expect(at(up.seen, 0).url).toBe('/v1/chat/completions');
    expect(at(up.seen, 0).json?.model).toBe('qwen2.5-72b');
    expect(at(up.seen, 0).json?.temperature).toBe(0.2);
    // The nested "model" key inside the tool schema is not the one rewritten.
    expect(JSON.stringify(at(up.seen, 0).json?.tools)).toContain('"model":{"type":"string"}');
    expect(at(up.seen, 0).headers.authorization).toBe('Bearer sk-upstream-secret');
    expect(response.headers.get('x-rainymodel-route')).toBe('free');
    expect(response.headers.get('x-rainymodel-upstream')).toBe('hf_router');
    expect(response.headers.get('x-rainymodel-model')).toBe('qwen2.5-72b');
    expect(Number(response.headers.get('x-rainymodel-latency-ms'))).toBeGreaterThanOrEqual(0);
    expect(response.headers.get('x-rainymodel-tried')).toBeNull();
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('rewrites model even when it is not the first key, and serves completions and embeddings', async () => {
    const up = await startUpstream(answers('x'));
    const proxy = await startProxy(`
model_list:
  - model_name: m
    litellm_params: { model: hosted_vllm/served-name, api_base: ${up.base} }
`);
    const r1 = await proxy.post('/v1/chat/completions', '{"messages":[{"role":"user","content":"\\"model\\": \\"m\\""}],"model":"m"}');
    expect(r1.status).toBe(200);
    expect(at(up.seen, 0).json?.model).toBe('served-name');
    expect(at(at(up.seen, 0).json?.messages as Array<{ content: string }>, 0).content).toBe('"model": "m"');
    // Multi-byte text before and after the model: the rewrite must land on the right bytes.
    for (const content of ['é ☀ 😀 ü', 'plain']) {
      const body = `{"messages":[{"role":"user","content":${JSON.stringify(content)}}],"model":"m","user":"ß"}`;
      const r = await proxy.post('/v1/chat/completions', body);
      expect(r.status).toBe(200);
      const seen = at(up.seen, -1);
      expect(seen.json).toEqual({ messages: [{ role: 'user', content }], model: 'served-name', user: 'ß' });
    }
    up.seen.splice(1);
    const c = await proxy.client().completions.create({ model: 'm', prompt: 'say' });
    expect(at(c.choices, 0).text).toBe('x');
    expect(at(up.seen, 1).url).toBe('/v1/completions');
    const e = await proxy.client().embeddings.create({ model: 'm', input: 'abc', encoding_format: 'float' });
    expect(at(e.data, 0).embedding).toEqual([0.1, 0.2]);
    expect(at(up.seen, 2).url).toBe('/v1/embeddings');
    expect(at(up.seen, 2).json?.model).toBe('served-name');
  });

  it('passes an OpenAI-compatible answer through byte for byte, reading usage from it for logs and metrics', async () => {
    // Odd spacing, key order, escapes and a "usage" inside the content: all must reach the client as sent.
    const answer =
      '{ "id":"c1", "object":"chat.completion", "model":"served",\n "choices":[{"index":0,"message":{"role":"assistant","content":"say \\"usage\\": {\\"prompt_tokens\\": 999} \\u00e9"},"finish_reason":"stop"}],\n' +
      ' "usage": {"prompt_tokens":  41, "completion_tokens":17,"total_tokens":58, "prompt_tokens_details": {"cached_tokens": 0}} }\n';
    const up = await startUpstream((_req, res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer);
    });
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/served, api_base: ${up.base} } }
`);
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json');
    expect(await r.text()).toBe(answer);
    const [line] = await proxy.logs.waitFor((l) => l.event === 'request');
    expect(line).toMatchObject({ status: 200, prompt_tokens: 41, completion_tokens: 17 });
    const metrics = await (await proxy.get('/metrics')).text();
    expect(metrics).toContain('rainymodel_tokens_total{model_group="g",type="prompt"} 41');
    expect(metrics).toContain('rainymodel_tokens_total{model_group="g",type="completion"} 17');
  });

  it('lists public names (groups and visible aliases) on /v1/models', async () => {
    const up = await startUpstream(answers('x'));
    const proxy = await startProxy(`
model_list:
  - { model_name: a, litellm_params: { model: openai/a, api_base: ${up.base} } }
  - { model_name: a, litellm_params: { model: openai/a2, api_base: ${up.base} } }
  - { model_name: b, litellm_params: { model: openai/b, api_base: ${up.base} } }
router_settings:
  model_group_alias: { gpt-4: a, secret-alias: { model: b, hidden: true } }
`);
    const list = await proxy.client().models.list();
    expect(list.data.map((m) => m.id).sort()).toEqual(['a', 'b', 'gpt-4']);
  });

  it('orders deployments by the X-RainyModel-Policy tier order', async () => {
    const free = await startUpstream(answers('free'));
    const internal = await startUpstream(answers('internal'));
    const direct = await startUpstream(answers('direct'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${direct.base} }, model_info: { tier: direct } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${internal.base} }, model_info: { tier: internal } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${free.base} }, model_info: { tier: free } }
rainymodel:
  version: 1
  default_policy: auto
  policies:
    auto: [free, internal, direct, premium]
    uncensored: [internal, free, direct, premium]
    premium: [direct, premium, free, internal]
    free: [free, internal, direct, premium]
`);
    const ask = async (policy?: string): Promise<string> => {
      const r = await proxy.post('/v1/chat/completions', chatBody('g'), policy ? { 'x-rainymodel-policy': policy } : {});
      expect(r.status).toBe(200);
      const body = (await r.json()) as { choices: Array<{ message: { content: string } }> };
      expect(r.headers.get('x-rainymodel-route')).toBe(at(body.choices, 0).message.content);
      return at(body.choices, 0).message.content;
    };
    expect(await ask()).toBe('free');
    expect(await ask('uncensored')).toBe('internal');
    expect(await ask('premium')).toBe('direct');
    expect(await ask('free')).toBe('free');
  });

  it('rejects an unknown policy with 400 listing the valid ones', async () => {
    const up = await startUpstream(answers('x'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }
`);
    const r = await proxy.post('/v1/chat/completions', chatBody('g'), { 'x-rainymodel-policy': 'cheapest' });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { error: { message: string; type: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('auto, free, uncensored, premium');
    expect(up.seen).toHaveLength(0);
  });

  it('infers tiers for a hand-written LiteLLM config (no rainymodel block) and applies default policies', async () => {
    const local = await startUpstream(answers('local'));
    const remote = await startUpstream(answers('remote'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: deepseek/deepseek-chat, api_base: "http://127.0.0.1:${new URL(remote.url).port}/v1" } }
  - { model_name: g, litellm_params: { model: openai/llama, api_base: ${local.base} } }
`);
    const health = (await (await proxy.get('/health')).json()) as { deployments: Array<{ tier: string; upstream_model: string }> };
    // Both are on 127.0.0.1, hence internal: the api_base wins over the prefix.
    expect(health.deployments.map((d) => d.tier)).toEqual(['internal', 'internal']);
    const proxy2 = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: ollama_chat/llama3, api_base: "http://gpu.example.invalid:11434" } }
  - { model_name: g, litellm_params: { model: huggingface/together/Qwen/Qwen2.5-72B, api_base: "https://router.example.invalid/v1" } }
  - { model_name: g, litellm_params: { model: openrouter/meta/llama:free } }
  - { model_name: g, litellm_params: { model: openrouter/openai/gpt-4o } }
  - { model_name: g, litellm_params: { model: xai/grok-2 } }
`);
    const h2 = (await (await proxy2.get('/health')).json()) as { deployments: Array<{ tier: string; upstream_model: string; api_base: string | null; disabled_reason: string | null }> };
    expect(h2.deployments.map((d) => d.tier)).toEqual(['internal', 'free', 'free', 'premium', 'direct']);
    expect(at(h2.deployments, 1).upstream_model).toBe('together/Qwen/Qwen2.5-72B');
    expect(at(h2.deployments, 2).api_base).toBe('https://openrouter.ai/api/v1');
    expect(at(h2.deployments, 4).api_base).toBe('https://api.x.ai/v1');
    expect(new Set(h2.deployments.map((d) => d.api_base))).not.toContain(null);
  });

  it('sorts by tier, then litellm_params.order, then strategy', async () => {
    const first = await startUpstream(answers('order1'));
    const second = await startUpstream(answers('order2'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${second.base}, order: 2 }, model_info: { tier: free } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${first.base}, order: 1 }, model_info: { tier: free } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${second.base}, order: 1 }, model_info: { tier: direct } }
`);
    for (let i = 0; i < 5; i++) {
      const c = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
      expect(at(c.choices, 0).message.content).toBe('order1');
    }
  });

  it('simple-shuffle follows weights (weight 0 is only a last resort)', async () => {
    const heavy = await startUpstream(answers('heavy'));
    const none = await startUpstream(answers('none'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${none.base}, weight: 0 } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${heavy.base}, weight: 5 } }
router_settings: { routing_strategy: simple-shuffle }
`);
    for (let i = 0; i < 10; i++) await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
    expect(heavy.seen).toHaveLength(10);
    expect(none.seen).toHaveLength(0);
  });

  it('simple-shuffle spreads load across equal deployments', async () => {
    const a = await startUpstream(answers('a'));
    const b = await startUpstream(answers('b'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${a.base} } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${b.base} } }
`);
    for (let i = 0; i < 40; i++) await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
    expect(a.seen.length).toBeGreaterThan(0);
    expect(b.seen.length).toBeGreaterThan(0);
  });

  it('least-busy picks the deployment with fewer requests in flight', async () => {
    const held: Array<() => void> = [];
    let arrived: () => void = () => undefined;
    const busy = await startUpstream((_req, res, seen) => {
      held.push(() => answers('busy')(_req, res, seen));
      arrived();
    });
    const idle = await startUpstream(answers('idle'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${busy.base} } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${idle.base} } }
router_settings: { routing_strategy: least-busy }
`);
    // One request at a time until one is parked on "busy": each either is answered by "idle" or arrives
    // at "busy" (which holds it), so nothing is left in flight towards "idle" when the loop ends.
    let parked: Promise<Response> | undefined;
    while (!parked) {
      const atBusy = new Promise<'busy'>((resolve) => (arrived = () => resolve('busy')));
      const request = proxy.post('/v1/chat/completions', chatBody('g'));
      const first = await Promise.race([atBusy, request.then(async (r) => (await r.arrayBuffer(), 'answered' as const))]);
      if (first === 'busy') parked = request;
    }
    const idleBefore = idle.seen.length;
    for (let i = 0; i < 5; i++) {
      const r = await proxy.post('/v1/chat/completions', chatBody('g'));
      expect(r.headers.get('x-rainymodel-upstream')).toBe('openai');
      expect(at(((await r.json()) as { choices: Array<{ message: { content: string } }> }).choices, 0).message.content).toBe('idle');
    }
    expect(idle.seen.length).toBe(idleBefore + 5);
    expect(busy.seen.length).toBe(1);
    held.forEach((f) => f());
    expect((await parked).status).toBe(200);
  });

  it('latency-based-routing prefers the deployment that answered faster', async () => {
    const slow = await startUpstream((req, res, seen) => {
      setTimeout(() => answers('slow')(req, res, seen), 150);
    });
    const fast = await startUpstream(answers('fast'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${slow.base} } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${fast.base} } }
router_settings: { routing_strategy: latency-based-routing }
`);
    // Unmeasured deployments go first, so the first two requests measure both.
    for (let i = 0; i < 2; i++) await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
    expect(slow.seen).toHaveLength(1);
    for (let i = 0; i < 5; i++) {
      const c = await proxy.client().chat.completions.create({ model: 'g', messages: [{ role: 'user', content: 'x' }] });
      expect(at(c.choices, 0).message.content).toBe('fast');
    }
  });

  it('routes a model_group_alias to its target group, alias fallbacks first', async () => {
    const target = await startUpstream((_q, res) => {
      res.writeHead(500);
      res.end('boom');
    });
    const viaAlias = await startUpstream(answers('alias-fallback'));
    const viaGroup = await startUpstream(answers('group-fallback'));
    const proxy = await startProxy(`
model_list:
  - { model_name: real, litellm_params: { model: openai/r, api_base: ${target.base} } }
  - { model_name: fa, litellm_params: { model: openai/fa, api_base: ${viaAlias.base} } }
  - { model_name: fg, litellm_params: { model: openai/fg, api_base: ${viaGroup.base} } }
router_settings:
  model_group_alias: { nick: real }
  fallbacks: [{ real: [fg] }, { nick: [fa] }]
`);
    const r = await proxy.client().chat.completions.create({ model: 'nick', messages: [{ role: 'user', content: 'x' }] });
    expect(at(r.choices, 0).message.content).toBe('alias-fallback');
    expect(target.seen).toHaveLength(1);
    const r2 = await proxy.client().chat.completions.create({ model: 'real', messages: [{ role: 'user', content: 'x' }] });
    expect(at(r2.choices, 0).message.content).toBe('group-fallback');
  });

  it('routes unknown names matching rainymodel.patterns, {model} replaced by the requested name', async () => {
    const up = await startUpstream(answers('pattern'));
    const proxy = await startProxy(`
model_list:
  - { model_name: known, litellm_params: { model: openai/k, api_base: ${up.base} } }
rainymodel:
  version: 1
  policies: { auto: [free, internal, direct, premium] }
  patterns:
    - pattern: "meta-llama/.*"
      deployments:
        - { model_name: "meta-llama/*", litellm_params: { model: "openrouter/{model}", api_base: ${up.base} }, model_info: { tier: free, provider: openrouter } }
`);
    const r = await proxy.client().chat.completions.create({ model: 'meta-llama/llama-3-8b:free', messages: [{ role: 'user', content: 'x' }] }).withResponse();
    expect(at(r.data.choices, 0).message.content).toBe('pattern');
    expect(at(up.seen, 0).json?.model).toBe('meta-llama/llama-3-8b:free');
    expect(r.response.headers.get('x-rainymodel-model')).toBe('meta-llama/llama-3-8b:free');
    const miss = await proxy.post('/v1/chat/completions', chatBody('mistral/x'));
    expect(miss.status).toBe(404);
    expect(((await miss.json()) as { error: { code: string } }).error.code).toBe('model_not_found');
  });
});
