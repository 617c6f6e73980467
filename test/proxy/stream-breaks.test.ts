// Issue 13.1: a deployment whose streams break midway (the upstream closes after a few chunks) counts
// those breaks as failures and is cooled down like any other failing deployment, through pass-through
// and each translating adapter (anthropic, gemini, ollama). Real upstreams on 127.0.0.1, real sockets.
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import { answers, chunk, cleanupAll, startProxy, startUpstream } from './helpers.js';

afterEach(cleanupAll);

/** Writes the first events of a stream in the provider's own format, then cuts the connection. */
const BREAKERS: Record<string, { prefix: string; write(res: ServerResponse): void }> = {
  'pass-through': {
    prefix: 'openai',
    write(res) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(chunk('m', 'Hel'));
      res.write(chunk('m', 'lo'));
    },
  },
  anthropic: {
    prefix: 'anthropic',
    write(res) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const ev = (type: string, data: Record<string, unknown>): string => `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;
      res.write(ev('message_start', { message: { id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [], stop_reason: null, usage: { input_tokens: 3, output_tokens: 0 } } }));
      res.write(ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }));
      res.write(ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: 'Hel' } }));
    },
  },
  gemini: {
    prefix: 'gemini',
    write(res) {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`data: ${JSON.stringify({ candidates: [{ content: { role: 'model', parts: [{ text: 'Hel' }] }, index: 0 }] })}\r\n\r\n`);
    },
  },
  ollama: {
    prefix: 'ollama_chat',
    write(res) {
      res.writeHead(200, { 'content-type': 'application/x-ndjson' });
      res.write(`${JSON.stringify({ model: 'm', created_at: 'x', message: { role: 'assistant', content: 'Hel' }, done: false })}\n`);
    },
  },
};

interface Health {
  deployments: Array<{ id: string; circuit: string }>;
}

describe('streams broken midway', () => {
  for (const [kind, breaker] of Object.entries(BREAKERS)) {
    it(`count as failures and open the circuit (${kind})`, async () => {
      const broken = await startUpstream((_req, res) => {
        breaker.write(res);
        // Cut once the first bytes are on their way: the client has been committed to this deployment.
        setImmediate(() => res.socket?.destroy());
      });
      const healthy = await startUpstream(answers('ok'));
      const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: ${breaker.prefix}/m, api_base: ${broken.url}, api_key: k, order: 1 }, model_info: { id: broken } }
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${healthy.base}, order: 2 }, model_info: { id: healthy } }
router_settings: { allowed_fails: 1, cooldown_time: 60 }
`);
      for (let i = 0; i < 2; i++) {
        const r = await proxy.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content: 'hi' }], stream: true });
        expect(r.status).toBe(200);
        expect(r.headers.get('x-rainymodel-upstream')).toBeTruthy();
        expect(await r.text()).toMatch(/"error"/);
      }
      const health = (await (await proxy.get('/health')).json()) as Health;
      expect(health.deployments.find((d) => d.id === 'broken')?.circuit).toBe('open');
      const next = await proxy.post('/v1/chat/completions', { model: 'g', messages: [{ role: 'user', content: 'hi' }], stream: true });
      expect(await next.text()).toContain('ok'.slice(0, 1));
      expect(broken.seen).toHaveLength(2);
      expect(healthy.seen).toHaveLength(1);
    });
  }
});
