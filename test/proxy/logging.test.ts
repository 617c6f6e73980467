// The log destination of `rmctl serve` (pino's buffered asynchronous destination, flushed on demand and
// on exit) and the request line as it comes out of the proxy.
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, flushLogger } from '../../src/proxy/logging.js';
import { cleanupAll, startProxy, startUpstream, answers } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

function tempFile(): { path: string; fd: number; done(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'rm-log-'));
  const path = join(dir, 'out.log');
  const fd = openSync(path, 'w');
  return {
    path,
    fd,
    done: () => {
      closeSync(fd);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

describe('createLogger (pino with its sonic-boom destination)', () => {
  it('writes every line in order, small and large, once flushed', async () => {
    const f = tempFile();
    try {
      const logger = createLogger({ fd: f.fd, level: 'info' });
      const expected: string[] = [];
      for (let i = 0; i < 5000; i++) {
        // Some lines larger than the whole buffer, some with multi-byte characters.
        const text = i % 997 === 0 ? `${i} ${'x'.repeat(100_000)}` : `${i} é ☀ ${'y'.repeat(i % 300)}`;
        expected.push(text);
        logger.info({ i }, text);
      }
      await flushLogger(logger);
      const lines = readFileSync(f.path, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l) as { msg: string; i: number; service: string });
      expect(lines.map((l) => l.msg)).toEqual(expected);
      expect(at(lines, 0).service).toBe('rmctl-serve');
    } finally {
      f.done();
    }
  });

  it('writes what is still buffered when the process exits', () => {
    const f = tempFile();
    try {
      const logging = new URL('../../dist/proxy/logging.js', import.meta.url).href;
      const script = `const { createLogger } = await import(${JSON.stringify(logging)}); const l = createLogger({ fd: 3 }); l.info('one'); l.warn('two'); process.exit(0);`;
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'inherit', 'inherit', f.fd], encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(readFileSync(f.path, 'utf8').trimEnd().split('\n').map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['one', 'two']);
    } finally {
      f.done();
    }
  });
});

describe('request log line through the proxy', () => {
  it('records a model name with quotes and control characters intact', async () => {
    const up = await startUpstream(answers('ok'));
    const proxy = await startProxy(`
model_list:
  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }
`);
    const model = 'no "such"\tmodel\\ ☀';
    const r = await proxy.post('/v1/chat/completions', { model, messages: [{ role: 'user', content: 'hi' }] });
    expect(r.status).toBe(404);
    const [line] = await proxy.logs.waitFor((l) => l.event === 'request');
    expect(line).toMatchObject({ status: 404, model, stream: false, key: 'anonymous', msg: 'request', level: 30 });
  });
});
