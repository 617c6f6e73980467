// The log destination of `rmctl serve` (buffered, asynchronous, flushed on demand) and the request-line
// shortcut that must write exactly what pino itself would.
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { BufferedLogWriter, jsonString, rawLineWriter } from '../../src/proxy/logging.js';
import { cleanupAll, startProxy, startUpstream, answers } from './helpers.js';

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

function capture(): { lines: string[]; stream: Writable } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(l);
      cb();
    },
  });
  return { lines, stream };
}

describe('BufferedLogWriter', () => {
  it('writes every line in order, small and large, once flushed', async () => {
    const f = tempFile();
    try {
      const w = new BufferedLogWriter(f.fd);
      const expected: string[] = [];
      for (let i = 0; i < 5000; i++) {
        // Some lines larger than the whole buffer, some with multi-byte characters.
        const line = i % 997 === 0 ? `${i} ${'x'.repeat(100_000)}` : `${i} é ☀ ${'y'.repeat(i % 300)}`;
        expected.push(line);
        w.write(`${line}\n`);
      }
      await new Promise<void>((resolve) => w.flush(resolve));
      expect(readFileSync(f.path, 'utf8')).toBe(expected.map((l) => `${l}\n`).join(''));
    } finally {
      f.done();
    }
  });

  it('answers flush at once when nothing is pending, and writes synchronously on flushSync', () => {
    const f = tempFile();
    try {
      const w = new BufferedLogWriter(f.fd);
      let called = false;
      w.flush(() => (called = true));
      expect(called).toBe(true);
      w.write('one\n');
      w.write('two\n');
      w.flushSync();
      expect(readFileSync(f.path, 'utf8')).toBe('one\ntwo\n');
    } finally {
      f.done();
    }
  });
});

describe('rawLineWriter', () => {
  it('writes what logger.info(fields, msg) writes, bindings of child loggers included', () => {
    const { lines, stream } = capture();
    const logger = pino({ level: 'info', base: { service: 'rmctl-serve' } }, stream).child({ worker: 2 });
    const write = rawLineWriter(logger, 'request');
    expect(write).toBeDefined();
    const fields = { event: 'request', model: 'we"ird\\name\n☀', status: 200, latency_ms: 1.5, stream: false, tried: ['a:503', 'b:timeout'] };
    logger.info(fields, 'request');
    write!('info', `,"event":"request","model":${jsonString(fields.model)},"status":200,"latency_ms":1.5,"stream":false,"tried":${JSON.stringify(fields.tried)}`);
    expect(lines).toHaveLength(2);
    const [a, b] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(typeof b.time).toBe('number');
    expect({ ...b, time: 0 }).toEqual({ ...a, time: 0 });
    expect(Object.keys(b)).toEqual(Object.keys(a));
  });

  it('follows the logger level', () => {
    const { lines, stream } = capture();
    const logger = pino({ level: 'warn' }, stream);
    const write = rawLineWriter(logger, 'request')!;
    write('info', ',"a":1');
    expect(lines).toHaveLength(0);
    logger.level = 'info';
    write('info', ',"a":1');
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, a: 1, msg: 'request' });
  });

  it('steps aside for loggers it cannot imitate (formatters, mixins, redaction, hooks)', () => {
    const { stream } = capture();
    expect(rawLineWriter(pino({ formatters: { log: (o) => o } }, stream), 'request')).toBeUndefined();
    expect(rawLineWriter(pino({ mixin: () => ({ x: 1 }) }, stream), 'request')).toBeUndefined();
    expect(rawLineWriter(pino({ redact: ['key'] }, stream), 'request')).toBeUndefined();
    expect(rawLineWriter(pino({ hooks: { streamWrite: (s) => s } }, stream), 'request')).toBeUndefined();
    expect(rawLineWriter(pino({ nestedKey: 'payload' }, stream), 'request')).toBeUndefined();
  });

  it('escapes only what JSON needs', () => {
    for (const v of ['plain', 'bench/chat', 'q"uote', 'back\\slash', 'line\nbreak', 'tab\t', '\u0000', 'é☀', '\ud83d\ude00', 'lone \ud800']) {
      expect(JSON.parse(jsonString(v))).toBe(v);
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
