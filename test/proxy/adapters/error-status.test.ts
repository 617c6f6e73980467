// The server decides on the adapter's translated status, not the upstream's own code: a Gemini bad key
// (400 + API_KEY_INVALID) is an auth failure of that key, a request an adapter cannot translate is the
// client's 400, and Gemini's RetryInfo body sets the cooldown like a Retry-After header would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import OpenAI from 'openai';
import { cleanupAll, onCleanup, startProxy, type RunningProxy } from '../helpers.js';
import { startAnthropic, startGemini, startOllama, type FakeUpstream } from './fake-upstreams.js';
import { at } from '../../support/must.js';

let gemini: FakeUpstream;
let ollama: FakeUpstream;
let proxy: RunningProxy;
let client: OpenAI;

interface HealthDeployment {
  id: string;
  model_name: string;
  upstream_model: string;
  circuit: string;
  cooldown_remaining_ms: number;
  last_error: string | null;
}

async function deployment(group: string, upstreamModel: string, keyHint?: string): Promise<HealthDeployment> {
  const res = await proxy.get('/health');
  const body = (await res.json()) as { deployments: HealthDeployment[] };
  const found = body.deployments.filter((d) => d.model_name === group && d.upstream_model === upstreamModel);
  if (keyHint !== undefined) return at(found, keyHint === 'first' ? 0 : 1);
  return at(found, 0);
}

beforeAll(async () => {
  gemini = await startGemini();
  ollama = await startOllama();
  for (const up of [gemini, ollama]) onCleanup(() => up.close());
  const gem = (group: string, model: string, key: string, order: number) =>
    `  - { model_name: ${group}, litellm_params: { model: gemini/${model}, api_base: ${gemini.url}, api_key: ${key}, order: ${order} }, model_info: { provider: google, tier: free } }`;
  const oll = (group: string, model: string, order: number) =>
    `  - { model_name: ${group}, litellm_params: { model: ollama_chat/${model}, api_base: ${ollama.url}, order: ${order} }, model_info: { provider: ollama_primary, tier: internal } }`;
  proxy = await startProxy(`
model_list:
${gem('rotated', 'gemini-2.5-flash', 'AIza-wrong', 1)}
${gem('rotated', 'gemini-2.5-flash', 'AIza-good', 2)}
${gem('only-badkey', 'gemini-2.5-flash', 'AIza-wrong', 1)}
${gem('refused', 'gemini-2.5-flash', 'AIza-good', 1)}
${oll('refused', 'qwen2.5:14b', 2)}
${gem('quota', 'gemini-exhausted', 'AIza-good', 1)}
${gem('quota', 'gemini-2.5-flash', 'AIza-good', 2)}
router_settings: { num_retries: 3, allowed_fails: 100, cooldown_time: 1 }
`);
  client = proxy.client();
});

afterAll(cleanupAll);

const user = (content: string): OpenAI.Chat.ChatCompletionMessageParam[] => [{ role: 'user', content }];

describe('translated upstream statuses drive the server', () => {
  it('treats a Gemini bad key (400 API_KEY_INVALID) as 401: cools that key down, the other key keeps serving', async () => {
    const before = gemini.requests.length;
    const { data, response } = await client.chat.completions.create({ model: 'rotated', messages: user('Hi') }).withResponse();
    expect(at(data.choices, 0).message.content).toBe('Bonjour from Gemini.');
    expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('401');
    expect(gemini.requests.slice(before).map((r) => r.headers['x-goog-api-key'])).toEqual(['AIza-wrong', 'AIza-good']);

    const bad = await deployment('rotated', 'gemini-2.5-flash', 'first');
    expect(bad.circuit).toBe('open');
    // The long auth cooldown (not the 1 s cooldown_time, not "no cooldown" under allowed_fails: 100).
    expect(bad.cooldown_remaining_ms).toBeGreaterThan(60_000);

    // The next request goes straight to the good key.
    const next = gemini.requests.length;
    const again = await client.chat.completions.create({ model: 'rotated', messages: user('Hi') }).withResponse();
    expect(at(again.data.choices, 0).message.content).toBe('Bonjour from Gemini.');
    expect(again.response.headers.get('x-rainymodel-tried')).toBeNull();
    expect(gemini.requests.slice(next).map((r) => r.headers['x-goog-api-key'])).toEqual(['AIza-good']);
  });

  it('answers 502 naming the auth failure when the only key is bad (not the upstream 400 as a client error)', async () => {
    const err = await client.chat.completions.create({ model: 'only-badkey', messages: user('Hi') }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.APIError);
    expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(502);
    expect(String((err as Error).message)).toContain('401: API key not valid');
  });

  it('answers 400 with the adapter message when the adapter cannot translate the request, without falling back', async () => {
    const gemBefore = gemini.requests.length;
    const ollBefore = ollama.requests.length;
    const res = await proxy.post('/v1/chat/completions', {
      model: 'refused',
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'tool', tool_call_id: 'call_unknown', content: '{"temp":21}' },
      ],
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; type: string; code: string | null } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toContain('gemini: messages[1].tool_call_id does not match an earlier assistant tool call');
    expect(res.headers.get('x-rainymodel-tried')).toBeNull();
    expect(gemini.requests.length).toBe(gemBefore);
    expect(ollama.requests.length).toBe(ollBefore);
  });

  it("honours Gemini's RetryInfo retryDelay like Retry-After", async () => {
    const { data, response } = await client.chat.completions.create({ model: 'quota', messages: user('Hi') }).withResponse();
    expect(at(data.choices, 0).message.content).toBe('Bonjour from Gemini.');
    expect(response.headers.get('x-rainymodel-fallback-reason')).toBe('429');
    const exhausted = await deployment('quota', 'gemini-exhausted');
    expect(exhausted.circuit).toBe('open');
    // retryDelay "30s" in the body; cooldown_time alone would be 1 s.
    expect(exhausted.cooldown_remaining_ms).toBeGreaterThan(20_000);
    expect(exhausted.cooldown_remaining_ms).toBeLessThanOrEqual(30_000);
  });
});

describe('endpoints a provider does not offer', () => {
  it('answers 400 when no deployment of the group serves the endpoint, and never cools the deployments down', async () => {
    const anthropic = await startAnthropic();
    onCleanup(() => anthropic.close());
    const p = await startProxy(`
model_list:
  - { model_name: claude, litellm_params: { model: anthropic/claude-sonnet-4-5, api_base: ${anthropic.url}, api_key: sk-ant-good } }
router_settings: { allowed_fails: 1, cooldown_time: 60 }
`);
    const c = p.client();
    for (let i = 0; i < 4; i++) {
      const err = await c.embeddings.create({ model: 'claude', input: 'x' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(OpenAI.BadRequestError);
      expect((err as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('unsupported_endpoint');
      expect((err as Error).message).toContain('does not serve embeddings');
    }
    const health = (await (await p.get('/health')).json()) as { deployments: HealthDeployment[] };
    expect(health.deployments.map((d) => d.circuit)).toEqual(['closed']);
    expect(anthropic.requests).toHaveLength(0);
    const chat = await c.chat.completions.create({ model: 'claude', messages: user('Hi') });
    expect(chat.choices[0]?.message.role).toBe('assistant');
  });

  it('passes over a deployment that cannot serve the endpoint for the next one, without calling it a fallback', async () => {
    const anthropic = await startAnthropic();
    onCleanup(() => anthropic.close());
    const p = await startProxy(`
model_list:
  - { model_name: mixed, litellm_params: { model: anthropic/claude-sonnet-4-5, api_base: ${anthropic.url}, api_key: sk-ant-good, order: 1 } }
  - { model_name: mixed, litellm_params: { model: ollama/nomic-embed-text, api_base: ${ollama.url}, order: 2 } }
`);
    const { data, response } = await p.client().embeddings.create({ model: 'mixed', input: 'x' }).withResponse();
    expect(data.data).toHaveLength(1);
    expect(response.headers.get('x-rainymodel-upstream')).toBe('ollama');
    expect(response.headers.get('x-rainymodel-tried')).toBeNull();
    expect(anthropic.requests).toHaveLength(0);
  });
});
