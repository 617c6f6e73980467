// RAINYMODEL_CONNECT_TO: curl's --connect-to rules for upstream hosts; a real connection through one is
// in compat-order.test.ts (https, certificate checked against the configured host).
import { afterEach, describe, expect, it } from 'vitest';
import { parseConnectTo, ruleFor } from '../../src/proxy/connect-to.js';
import { ProxyServer } from '../../src/proxy/server.js';
import { answers, captureLogger, chatBody, cleanupAll, startProxy, startUpstream, writeTempFile } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

describe('RAINYMODEL_CONNECT_TO', () => {
  it('parses HOST1:PORT1:HOST2:PORT2 rules, bracketed IPv6 and empty wildcards', () => {
    const rules = parseConnectTo('router.huggingface.co:443:127.0.0.1:8443, [::1]:11434:[::1]:9000 ,::10.0.0.1:80');
    expect(rules).toEqual([
      { fromHost: 'router.huggingface.co', fromPort: '443', toHost: '127.0.0.1', toPort: '8443' },
      { fromHost: '::1', fromPort: '11434', toHost: '::1', toPort: '9000' },
      { fromHost: '', fromPort: '', toHost: '10.0.0.1', toPort: '80' },
    ]);
    expect(ruleFor(rules, 'https://Router.HuggingFace.co')?.toPort).toBe('8443');
    expect(ruleFor(rules.slice(0, 2), 'https://router.huggingface.co:8443')).toBeUndefined();
    expect(ruleFor(rules, 'http://example.com')?.toHost).toBe('10.0.0.1');
  });

  it('names the bad rule and the expected form', () => {
    expect(() => parseConnectTo('router.huggingface.co:443:127.0.0.1')).toThrow(
      'RAINYMODEL_CONNECT_TO: "router.huggingface.co:443:127.0.0.1" is not HOST1:PORT1:HOST2:PORT2 (for example router.huggingface.co:443:127.0.0.1:8443)',
    );
  });

  it('sends a deployment on an unreachable address to the rule\'s target, Host header unchanged', async () => {
    const local = await startUpstream(answers('via connect-to'));
    const port = new URL(local.url).port;
    const proxy = await startProxy(
      `
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: "http://203.0.113.9:11434/v1" } }
`,
      { env: { RAINYMODEL_CONNECT_TO: `203.0.113.9:11434:127.0.0.1:${port}` } },
    );
    const r = await proxy.post('/v1/chat/completions', chatBody('g'));
    expect(r.status).toBe(200);
    expect(at(local.seen, 0).headers.host).toBe('203.0.113.9:11434');
  });

  it('stops serve with a config error for a malformed value', async () => {
    const configPath = writeTempFile('model_list:\n  - { model_name: g, litellm_params: { model: openai/m, api_base: "http://127.0.0.1:9/v1" } }\n');
    await expect(ProxyServer.create({ configPath, logger: captureLogger().logger, env: { RAINYMODEL_CONNECT_TO: 'nonsense' } })).rejects.toThrow(/RAINYMODEL_CONNECT_TO: "nonsense" is not HOST1:PORT1:HOST2:PORT2/);
  });
});
