import { describe, expect, it } from 'vitest';
import { findTopLevelModel, OpenAISseTranslator, openAICompatibleAdapter, translateOpenAIError } from '../../src/proxy/providers/openai-compatible.js';
import { getAdapter } from '../../src/proxy/providers/index.js';
import { resolveEnvRefs } from '../../src/proxy/env.js';
import { KeyRateLimiter } from '../../src/proxy/limits.js';
import { authenticate, authenticateHeader, bearerToken, buildAuthKeys } from '../../src/proxy/auth.js';
import { MAX_NESTING_DEPTH, nestingProblem } from '../../src/proxy/validate-request.js';

describe('pure parts of the proxy', () => {
  it('finds only the top-level "model" value', () => {
    const cases = [
      '{"model":"a","messages":[]}',
      '{ "messages": [{"role":"user","content":"{\\"model\\":\\"x\\"}"}], "model" : "a" }',
      '{"tools":[{"function":{"parameters":{"properties":{"model":{"type":"string"}}}}}],"model":"a"}',
      '{"response_format":{"model":"no"},"model":"a\\"b"}',
    ];
    for (const text of cases) {
      const span = findTopLevelModel(text)!;
      const rewritten = text.slice(0, span[0]) + JSON.stringify('UP') + text.slice(span[1]);
      const parsed = JSON.parse(rewritten) as Record<string, unknown>;
      expect(parsed.model).toBe('UP');
      expect(JSON.stringify(parsed)).toBe(JSON.stringify({ ...(JSON.parse(text) as Record<string, unknown>), model: 'UP' }));
    }
    expect(findTopLevelModel('{"messages":[]}')).toBeUndefined();
  });

  it('merges extra_body when a deployment sets it (client fields win)', () => {
    const req = openAICompatibleAdapter.buildRequest(
      { endpoint: 'chat', stream: false, requestModel: 'g', rawBody: '{"model":"g","top_k":5}' },
      { prefix: 'openai', upstreamModel: 'u', apiBase: 'http://h/v1', params: { model: 'openai/u', extra_body: { top_k: 1, repetition_penalty: 1.1 } } },
      { model: 'g', top_k: 5 },
    );
    expect(JSON.parse(String(req.body))).toEqual({ model: 'u', top_k: 5, repetition_penalty: 1.1 });
    expect(req.url).toBe('http://h/v1/chat/completions');
    expect(req.headers.authorization).toBeUndefined();
  });

  it('registers the OpenAI-compatible family by prefix', () => {
    for (const p of ['openai', 'hosted_vllm', 'openrouter', 'huggingface', 'deepseek', 'xai']) expect(getAdapter(p)).toBe(openAICompatibleAdapter);
    expect(getAdapter('bedrock')).toBeUndefined();
  });

  it('parses SSE split anywhere, errors inside the stream, and truncation', () => {
    const t = new OpenAISseTranslator();
    const text = 'data: {"choices":[{"delta":{"content":"a"}}]}\n\ndata: {"choices":[]}\r\n\r\ndata: [DONE]\n\n';
    const events = [...text].flatMap((ch) => t.push(ch));
    expect(events.map((e) => e.kind)).toEqual(['chunk', 'chunk', 'done']);
    expect(t.end()).toEqual([]);
    const t2 = new OpenAISseTranslator();
    expect(t2.push('data: {"error":{"message":"boom","type":"server_error"}}\n\n')[0]).toMatchObject({ kind: 'error', error: { message: 'boom', type: 'server_error' } });
    expect(t2.end()[0]).toMatchObject({ kind: 'error', error: { code: 'stream_truncated' } });
  });

  it('maps upstream errors to OpenAI shape with the retry decision', () => {
    expect(translateOpenAIError(429, '{"error":{"message":"slow","type":"rate_limit_error","code":"rl"}}')).toEqual({ status: 429, type: 'rate_limit_error', code: 'rl', message: 'slow', retryable: true });
    expect(translateOpenAIError(400, '<html>bad</html>')).toMatchObject({ type: 'invalid_request_error', message: '<html>bad</html>', retryable: false });
    expect(translateOpenAIError(503, '').retryable).toBe(true);
  });

  it('resolves environment references and reports unset ones', () => {
    const { value, missing } = resolveEnvRefs(
      { a: 'os.environ/K', b: 'http://${H:-localhost}:${P}/v1', c: ['${NOPE}', 'os.environ/NOPE2'], d: 3 },
      { K: 'v', P: '80' },
    );
    expect(value).toEqual({ a: 'v', b: 'http://localhost:80/v1', c: ['', undefined], d: 3 });
    expect(missing).toEqual([
      { pointer: '/c/0', variable: 'NOPE' },
      { pointer: '/c/1', variable: 'NOPE2' },
    ]);
  });

  it('key limit: at most rpm in any 60 s (the same window as in Redis); a refusal waits for the window', () => {
    const rl = new KeyRateLimiter({ rpm: 60 });
    expect(rl.check('k', 0).allowed).toBe(true);
    for (let i = 0; i < 59; i++) rl.check('k', 0);
    const refused = rl.check('k', 0);
    expect(refused.allowed).toBe(false);
    // Counted per second, a request stays in the window 60 to 61 s (never less than a minute).
    expect(refused.retryAfterS).toBe(61);
    expect(rl.check('k', 60_999).allowed).toBe(false);
    expect(rl.check('k', 61_000).allowed).toBe(true);
  });

  it('authenticates any configured key and labels it without exposing it', () => {
    const keys = buildAuthKeys('sk-m', ['sk-a', 'sk-b']);
    expect(authenticate(keys, 'sk-b')?.label).toBe('key#2');
    expect(authenticate(keys, 'sk-m')?.master).toBe(true);
    expect(authenticate(keys, 'sk-x')).toBeUndefined();
    expect(authenticate(keys, undefined)).toBeUndefined();
    expect(bearerToken('Bearer  sk-a ')).toBe('sk-a');
    expect(bearerToken('Basic abc')).toBeUndefined();
  });

  it('authenticates raw headers the same way, remembering only accepted ones per key list', () => {
    const keys = buildAuthKeys('sk-m', ['sk-a']);
    for (let i = 0; i < 2; i++) {
      expect(authenticateHeader(keys, 'Bearer sk-a')?.label).toBe('key#1');
      expect(authenticateHeader(keys, 'bearer  sk-m ')?.master).toBe(true);
      expect(authenticateHeader(keys, 'Bearer sk-x')).toBeUndefined();
      expect(authenticateHeader(keys, 'sk-a')).toBeUndefined();
      expect(authenticateHeader(keys, undefined)).toBeUndefined();
    }
    // A new table (new key list) does not inherit what the old one accepted.
    expect(authenticateHeader(buildAuthKeys('sk-other', []), 'Bearer sk-a')).toBeUndefined();
  });

  it('names the path of a body nested one level too deep, and passes one just within the limit', () => {
    const nest = (levels: number): unknown => {
      let v: unknown = 'leaf';
      for (let i = 0; i < levels; i++) v = i % 2 === 0 ? [v] : { a: v };
      return { model: 'g', messages: [], tools: v };
    };
    // body (depth 0) -> tools (1) -> ... : the deepest container of nest(n) sits at depth n.
    expect(nestingProblem(nest(MAX_NESTING_DEPTH - 1))).toBeUndefined();
    const problem = nestingProblem(nest(MAX_NESTING_DEPTH));
    expect(problem?.param).toMatch(/^tools(\[0\]\.a|\.a\[0\])+/);
    expect(problem?.message).toContain(`nests deeper than ${MAX_NESTING_DEPTH} levels`);
  });
});
