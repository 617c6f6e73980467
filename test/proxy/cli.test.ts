// The real CLI as a child process (needs `npm run build`, which `npm test` runs first).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { answers, chatBody, cleanupAll, onCleanup, startUpstream, writeTempFile } from './helpers.js';
import { at } from '../support/must.js';

afterEach(cleanupAll);

const RMCTL = fileURLToPath(new URL('../../bin/rmctl', import.meta.url));
const MASTER = 'sk-cli-master';

interface Child {
  proc: ChildProcessWithoutNullStreams;
  lines: Array<Record<string, unknown>>;
  stderr: () => string;
  exited: Promise<number | null>;
  waitFor(pred: (l: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
}

function spawnServe(args: string[]): Child {
  const proc = spawn(process.execPath, [RMCTL, 'serve', ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const lines: Array<Record<string, unknown>> = [];
  let buf = '';
  let err = '';
  const waiters: Array<() => void> = [];
  proc.stdout.on('data', (c: Buffer) => {
    buf += c.toString('utf8');
    let i: number;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      try {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      } catch {
        // Not a log line.
      }
      waiters.splice(0).forEach((w) => w());
    }
  });
  proc.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  onCleanup(async () => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  });
  const child: Child = {
    proc,
    lines,
    stderr: () => err,
    exited,
    async waitFor(pred) {
      for (;;) {
        const found = lines.find(pred);
        if (found) return found;
        if (proc.exitCode !== null) throw new Error(`rmctl serve exited (${proc.exitCode}): ${err}`);
        await Promise.race([new Promise<void>((r) => waiters.push(r)), exited]);
      }
    },
  };
  return child;
}

const configFor = (base: string, model: string): string => `
model_list:
  - { model_name: g, litellm_params: { model: openai/${model}, api_base: ${base} } }
general_settings: { master_key: ${MASTER} }
`;

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(`${url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${MASTER}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

describe('rmctl serve (child process)', () => {
  it('prints the bound address, reloads on SIGHUP (rejecting an invalid file) and drains on SIGTERM', async () => {
    let hold = false;
    let release: (() => void) | undefined;
    const up = await startUpstream((req, res, seen) => {
      if (hold) release = () => answers('slow')(req, res, seen);
      else answers('ok')(req, res, seen);
    });
    const file = writeTempFile(configFor(up.base, 'v1'));
    const child = spawnServe(['--config', file, '--port', '0', '--host', '127.0.0.1']);
    const listening = await child.waitFor((l) => l.event === 'listening');
    const url = String(listening.address);
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);

    expect((await post(url, chatBody('g'))).status).toBe(200);
    expect(up.seen.at(-1)?.json?.model).toBe('v1');

    writeFileSync(file, configFor(up.base, 'v2'));
    child.proc.kill('SIGHUP');
    await child.waitFor((l) => l.event === 'config_loaded' && String(l.msg).includes('SIGHUP'));
    expect((await post(url, chatBody('g'))).status).toBe(200);
    expect(up.seen.at(-1)?.json?.model).toBe('v2');

    writeFileSync(file, 'model_list: not-a-list\n');
    child.proc.kill('SIGHUP');
    await child.waitFor((l) => l.event === 'reload_rejected');
    expect((await post(url, chatBody('g'))).status).toBe(200);
    expect(up.seen.at(-1)?.json?.model).toBe('v2');

    hold = true;
    const held = up.seen.length + 1;
    const inFlight = post(url, chatBody('g'));
    await up.untilSeen(held);
    child.proc.kill('SIGTERM');
    await child.waitFor((l) => l.event === 'draining');
    expect(child.proc.exitCode).toBeNull();
    release?.();
    const r = await inFlight;
    expect(r.status).toBe(200);
    expect(at(((await r.json()) as { choices: Array<{ message: { content: string } }> }).choices, 0).message.content).toBe('slow');
    expect(await child.exited).toBe(0);
    expect(child.lines.some((l) => l.event === 'stopped')).toBe(true);
    expect(child.stderr()).toBe('');
  });

  it('exits 1 with file:line:col diagnostics on an invalid config', async () => {
    const file = writeTempFile('model_list:\n  - model_name: g\n    litellm_params: {}\n');
    const child = spawnServe(['--config', file, '--port', '0']);
    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+ error schema/required`));
  });
});
