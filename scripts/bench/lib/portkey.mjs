// The Portkey AI gateway as the benchmark's peer, installed on demand into a temp dir with npm: never a
// dependency of RainyModel. Its streaming answers every stream with a 500 on @hono/node-server later than
// 1.13.8, so an npm override holds that dependency there.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const HONO_NODE_SERVER = '1.13.8';

/** Returns the gateway's entry script, installing it into `dir` when needed, or `{ error }`. */
export function ensurePortkey(dir, log) {
  const entry = join(dir, 'node_modules', '@portkey-ai', 'gateway', 'build', 'start-server.js');
  const honoPkg = join(dir, 'node_modules', '@hono', 'node-server', 'package.json');
  const installedHono = () => (existsSync(honoPkg) ? JSON.parse(readFileSync(honoPkg, 'utf8')).version : undefined);
  if (existsSync(entry) && installedHono() === HONO_NODE_SERVER) return { entry, version: gatewayVersion(dir) };
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'rainymodel-bench-peer', private: true, dependencies: { '@portkey-ai/gateway': 'latest' }, overrides: { '@hono/node-server': HONO_NODE_SERVER } }, null, 2),
  );
  log(`installing @portkey-ai/gateway into ${dir} (npm, on demand; not a project dependency)`);
  const r = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8', timeout: 600_000 });
  if (r.status !== 0) return { error: `npm install failed (exit ${r.status}): ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ')}` };
  if (!existsSync(entry)) return { error: `installed, but ${entry} is missing (the package layout changed)` };
  const hono = installedHono();
  if (hono !== HONO_NODE_SERVER) return { error: `@hono/node-server is ${hono}, not ${HONO_NODE_SERVER}: its streams would fail` };
  return { entry, version: gatewayVersion(dir) };
}

function gatewayVersion(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, 'node_modules', '@portkey-ai', 'gateway', 'package.json'), 'utf8')).version;
  } catch {
    return 'unknown';
  }
}

/** Command line of the gateway on `port`: headless (no UI), production mode like a deployment. */
export function portkeyCommand(entry, port) {
  return { args: [entry, `--port=${port}`, '--headless'], env: { ...process.env, NODE_ENV: 'production' } };
}

/** Headers that make the gateway forward to the mock as an OpenAI-compatible provider. */
export function portkeyHeaders(mockBase) {
  return { 'x-portkey-provider': 'openai', 'x-portkey-custom-host': mockBase };
}
