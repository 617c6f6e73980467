// A bare model name (no provider/ prefix) goes to the provider LiteLLM picks for it, in that provider's
// wire format; serve warns at load where a key's variable belongs to another provider.
import { afterEach, describe, expect, it } from 'vitest';
import { chatBody, cleanupAll, sendJson, startProxy, startUpstream } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

describe('bare model names', () => {
  it('sends claude-* to Anthropic (Messages API, x-api-key), not to an OpenAI endpoint', async () => {
    const anthropic = await startUpstream((_req, res, seen) =>
      sendJson(res, 200, {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: seen.json?.model,
        content: [{ type: 'text', text: 'from claude' }],
        stop_reason: 'end_turn',
        usage: { input_tokens: 3, output_tokens: 2 },
      }),
    );
    const proxy = await startProxy(
      `
model_list:
  - { model_name: haiku, litellm_params: { model: claude-haiku-4-5-20251001, api_key: os.environ/ANTHROPIC_API_KEY, api_base: ${anthropic.url} } }
`,
      { env: { ANTHROPIC_API_KEY: 'sk-ant-test' } },
    );
    const r = await proxy.post('/v1/chat/completions', chatBody('haiku'));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { choices: Array<{ message: { content: string } }> };
    expect(at(body.choices, 0).message.content).toBe('from claude');
    expect(at(anthropic.seen, 0).url).toBe('/v1/messages');
    expect(at(anthropic.seen, 0).headers['x-api-key']).toBe('sk-ant-test');
  });

  it('warns at load where the key variable is another provider\'s', async () => {
    const proxy = await startProxy(
      `
model_list:
  - { model_name: a, litellm_params: { model: claude-3-5-haiku-latest, api_key: os.environ/OPENAI_API_KEY }, model_info: { id: mixed } }
  - { model_name: b, litellm_params: { model: gpt-4o-mini, api_key: os.environ/OPENAI_API_KEY }, model_info: { id: fine } }
  - { model_name: c, litellm_params: { model: openai/qwen2.5:7b, api_base: "http://10.1.2.3:11434/v1", api_key: "\${OLLAMA_API_KEY:-ollama}" }, model_info: { id: ollama } }
`,
      { env: { OPENAI_API_KEY: 'sk-test' } },
    );
    const warnings = proxy.server.currentTable.warnings;
    expect(warnings).toContain(
      "deployment mixed: its key comes from OPENAI_API_KEY, openai's key variable, but the deployment is sent to anthropic (anthropic's key is conventionally ANTHROPIC_API_KEY)",
    );
    expect(warnings.filter((w) => w.includes('key variable'))).toHaveLength(1);
  });
});
