// `rmctl status [--url URL] [--watch]`: the running proxy's own view (its /status/json), as a table like
// `top`, or JSON. The key comes from the environment ($RMCTL_API_KEY, else $RAINYMODEL_MASTER_KEY), never
// from the command line, where other users of the machine could read it.
import type { Command } from 'commander';
import { request } from 'undici';
import { EXIT } from '../../shared/errors.js';
import type { CliContext } from '../context.js';
import { renderStatus, type StatusDocument } from '../status/render.js';

interface StatusOptions {
  url: string;
  watch?: boolean;
  interval: string;
  count?: string;
  format: 'text' | 'json';
  keyEnv?: string;
}

const KEY_VARIABLES = ['RMCTL_API_KEY', 'RAINYMODEL_MASTER_KEY'];

class StatusError extends Error {}

async function fetchStatus(url: string, key: string | undefined): Promise<StatusDocument> {
  let res;
  try {
    res = await request(`${url.replace(/\/+$/, '')}/status/json`, { headers: key ? { authorization: `Bearer ${key}` } : {}, headersTimeout: 10_000, bodyTimeout: 10_000 });
  } catch (err) {
    throw new StatusError(`cannot reach rmctl serve at ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  const text = await res.body.text();
  if (res.statusCode === 401) throw new StatusError(`${url} refused the key: export RMCTL_API_KEY=<one of its keys> (or name another variable with --key-env)`);
  if (res.statusCode === 404) throw new StatusError(`${url}/status/json not found: is this an rmctl serve of this version?`);
  if (res.statusCode !== 200) throw new StatusError(`${url}/status/json answered HTTP ${res.statusCode}: ${text.slice(0, 200)}`);
  return JSON.parse(text) as StatusDocument;
}

function positive(value: string, option: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new StatusError(`${option} must be a positive number, got "${value}"`);
  return n;
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('status')
    .description("the running proxy's own view, like top: circuits, windowed figures per deployment and provider, key use")
    .option('--url <url>', 'where rmctl serve listens', 'http://127.0.0.1:4000')
    .option('--watch', 'refresh until interrupted (Ctrl-C)')
    .option('--interval <seconds>', 'seconds between refreshes with --watch', '2')
    .option('--count <n>', 'with --watch: stop after this many refreshes')
    .option('--key-env <variable>', `environment variable holding the key (default: ${KEY_VARIABLES.join(', then ')})`)
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: StatusOptions) => {
      let intervalS: number;
      let count: number | undefined;
      try {
        intervalS = positive(opts.interval, '--interval');
        count = opts.count === undefined ? undefined : Math.floor(positive(opts.count, '--count'));
      } catch (err) {
        ctx.err(`rmctl status: ${(err as Error).message}`);
        ctx.exitCode = EXIT.usage;
        return;
      }
      const key = (opts.keyEnv ? [opts.keyEnv] : KEY_VARIABLES).map((v) => ctx.env[v]).find((v) => v !== undefined && v !== '');
      const tty = Boolean(ctx.io.stdout.isTTY);
      for (let round = 1; ; round++) {
        try {
          const doc = await fetchStatus(opts.url, key);
          const text = opts.format === 'json' ? JSON.stringify(doc, null, 2) : renderStatus(opts.url, doc);
          // On a terminal each refresh replaces the last (cursor home, clear); piped, they follow each other.
          if (opts.watch && tty) ctx.write('\x1b[H\x1b[2J');
          ctx.out(text);
        } catch (err) {
          if (!(err instanceof StatusError)) throw err;
          ctx.err(`rmctl status: ${err.message}`);
          ctx.exitCode = EXIT.operational;
          if (!opts.watch) return;
        }
        if (!opts.watch || (count !== undefined && round >= count)) return;
        if (!tty) ctx.out('');
        await new Promise((resolve) => setTimeout(resolve, intervalS * 1000));
      }
    });
}
