// Serving a config whose URLs name public hosts (router.huggingface.co, openrouter.ai, an Ollama server's
// public IP) from local servers, without the internet: a throwaway CA made with openssl, an https server
// with a certificate for those names, `rmctl serve` as a child process trusting the CA through
// NODE_EXTRA_CA_CERTS and sent to the local servers by RAINYMODEL_CONNECT_TO.
import { execFile, spawn } from 'node:child_process';
import { writeFileSync, readFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createInterface } from 'node:readline';
import { text } from 'node:stream/consumers';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { onCleanup } from './helpers.js';

const run = promisify(execFile);
const RMCTL = fileURLToPath(new URL('../../bin/rmctl', import.meta.url));

export interface TestCa {
  dir: string;
  caFile: string;
  key: Buffer;
  cert: Buffer;
}

/** A CA and a server certificate for `names`, valid for a day, in a temp dir removed after the test. */
export async function makeCertificates(names: readonly string[]): Promise<TestCa> {
  const dir = mkdtempSync(join(tmpdir(), 'rm-tls-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const p = (f: string): string => join(dir, f);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  await run('openssl', ['req', '-x509', ...ec, '-subj', '/CN=rmctl test CA', '-days', '1', '-keyout', p('ca.key'), '-out', p('ca.pem'),
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign']);
  await run('openssl', ['req', ...ec, '-subj', '/CN=upstream', '-keyout', p('srv.key'), '-out', p('srv.csr')]);
  writeFileSync(p('ext.cnf'), `subjectAltName=${names.map((n) => (/^[\d.]+$/.test(n) ? `IP:${n}` : `DNS:${n}`)).join(',')}\n`);
  await run('openssl', ['x509', '-req', '-in', p('srv.csr'), '-CA', p('ca.pem'), '-CAkey', p('ca.key'), '-CAcreateserial', '-days', '1', '-out', p('srv.pem'), '-extfile', p('ext.cnf')]);
  return { dir, caFile: p('ca.pem'), key: readFileSync(p('srv.key')), cert: readFileSync(p('srv.pem')) };
}

export interface SeenCall {
  host: string;
  path: string;
  model: string;
}

export type Answer = (call: SeenCall, res: ServerResponse) => void;

export interface LocalUpstream {
  port: number;
  seen: SeenCall[];
  setAnswer(a: Answer): void;
}

/** An http (or, given a certificate, https) server on 127.0.0.1 that records Host, path and model. */
export async function startLocalUpstream(answer: Answer, tls?: TestCa): Promise<LocalUpstream> {
  let current = answer;
  const seen: SeenCall[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    void text(req).then((body) => {
      let model = '';
      try {
        model = String((JSON.parse(body) as { model?: unknown }).model ?? '');
      } catch {
        model = '';
      }
      const call = { host: String(req.headers.host ?? ''), path: req.url ?? '', model };
      seen.push(call);
      current(call, res);
    });
  };
  const server: Server | HttpsServer = tls ? createHttpsServer({ key: tls.key, cert: tls.cert }, handler) : createHttpServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  onCleanup(async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  });
  return { port: (server.address() as AddressInfo).port, seen, setAnswer: (a) => (current = a) };
}

export interface ServeChild {
  url: string;
  logs: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}

/** `rmctl serve -c file --port 0` with exactly `env` (plus PATH), resolved once it listens. */
export async function spawnServe(configFile: string, env: Record<string, string>): Promise<ServeChild> {
  const proc = spawn(process.execPath, [RMCTL, 'serve', '-c', configFile, '--port', '0', '--log-level', 'info'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const logs: Array<Record<string, unknown>> = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const stop = async (): Promise<void> => {
    if (proc.exitCode === null && proc.signalCode === null) {
      proc.kill('SIGKILL');
      await exited;
    }
  };
  onCleanup(stop);
  proc.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
  const listening = new Promise<string>((resolve, reject) => {
    createInterface({ input: proc.stdout }).on('line', (line) => {
      if (!line.startsWith('{')) return;
      const rec = JSON.parse(line) as Record<string, unknown>;
      logs.push(rec);
      if (rec.event === 'listening') resolve(String(rec.address));
    });
    void exited.then((code) => reject(new Error(`rmctl serve exited (${code}): ${stderr}`)));
  });
  return { url: await listening, logs, stop };
}
