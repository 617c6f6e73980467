// `rmctl doctor`: probes every deployment of a compiled config live (reachable, key accepted, model
// offered, latency; one minimal completion with --completion), a bounded number at a time, and exits 2
// when something a model group depends on is broken. Keys are used, never printed.
import type { Command } from 'commander';
import { Agent } from 'undici';
import type { RuntimeDeployment } from '../../proxy/table.js';
import { EXIT } from '../../shared/errors.js';
import { loadForDoctor } from '../doctor/load.js';
import { dnsServerResolve, lookupVia } from '../doctor/network.js';
import { ProbeCache, probeDeployment, type DeploymentReport, type ProbeOptions } from '../doctor/probe.js';
import { renderText, summarize } from '../doctor/report.js';
import type { CliContext } from '../context.js';
import { formatText } from '../output.js';

interface DoctorOptions {
  config: string;
  provider: string[];
  group: string[];
  completion?: boolean;
  timeout: string;
  concurrency: string;
  format: 'text' | 'json';
  dnsServer?: string;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** Runs `work` over `items`, at most `limit` at a time, keeping the input order in the result. */
export async function mapBounded<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  // One iterator shared by the workers: each takes the next unclaimed item.
  const queue = items.entries();
  const worker = async (): Promise<void> => {
    for (const [i, item] of queue) out[i] = await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

function positive(ctx: CliContext, value: string, option: string): number | undefined {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) {
    ctx.err(`rmctl doctor: ${option} must be a positive number, got "${value}"`);
    ctx.exitCode = EXIT.usage;
    return undefined;
  }
  return n;
}

function select(ctx: CliContext, deployments: readonly RuntimeDeployment[], opts: DoctorOptions): RuntimeDeployment[] | undefined {
  const known = (what: string, wanted: string[], have: Set<string>): boolean => {
    const unknown = wanted.filter((w) => !have.has(w));
    if (unknown.length === 0) return true;
    ctx.err(`rmctl doctor: --${what} ${unknown.join(', ')}: not in the config (${what}s: ${[...have].sort().join(', ')})`);
    ctx.exitCode = EXIT.usage;
    return false;
  };
  if (!known('provider', opts.provider, new Set(deployments.map((d) => d.provider)))) return undefined;
  if (!known('group', opts.group, new Set(deployments.map((d) => d.modelName)))) return undefined;
  return deployments.filter((d) => (opts.provider.length === 0 || opts.provider.includes(d.provider)) && (opts.group.length === 0 || opts.group.includes(d.modelName)));
}

export function register(program: Command, ctx: CliContext): void {
  program
    .command('doctor')
    .description('probe every deployment of a compiled config live: reachable, key accepted, model offered, latency')
    .option('-c, --config <file>', 'compiled config to check', 'generated/litellm-unified.yaml')
    .option('--provider <name>', 'only deployments of this provider (repeatable)', collect, [])
    .option('--group <name>', 'only deployments of this model group (repeatable)', collect, [])
    .option('--completion', 'also send one minimal chat completion (max_tokens 1) to each deployment')
    .option('--timeout <seconds>', 'longest wait for each step of a probe', '10')
    .option('--concurrency <n>', 'deployments probed at the same time', '8')
    .option('--dns-server <ip[:port]>', 'resolve upstream hosts with this DNS server instead of the system resolver')
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (opts: DoctorOptions) => {
      const timeoutS = positive(ctx, opts.timeout, '--timeout');
      const concurrency = positive(ctx, opts.concurrency, '--concurrency');
      if (timeoutS === undefined || concurrency === undefined) return;
      const configPath = ctx.path(opts.config);
      const loaded = await loadForDoctor(configPath, ctx.env);
      if (!loaded.ok) {
        for (const d of loaded.diagnostics) ctx.err(formatText(d, ctx.color));
        ctx.err(`rmctl doctor: ${loaded.message}`);
        ctx.exitCode = EXIT.invalid;
        return;
      }
      const table = loaded.table;
      const chosen = select(ctx, table.deployments, opts);
      if (!chosen) return;
            const resolve = opts.dnsServer ? dnsServerResolve(opts.dnsServer) : undefined;
      // With --dns-server, HTTP probes connect to the address that server gave too.
      const dispatcher = new Agent({ connect: { timeout: timeoutS * 1000, ...(resolve ? { lookup: lookupVia(resolve) } : {}) }, keepAliveTimeout: 1000 });
      const probe: ProbeOptions = { timeoutMs: timeoutS * 1000, modes: loaded.modes, completion: opts.completion === true, dispatcher, resolve };
      const cache = new ProbeCache();
      let reports: DeploymentReport[];
      try {
        reports = await mapBounded(chosen, Math.floor(concurrency), (d) => probeDeployment(d, cache, probe));
      } finally {
        await dispatcher.close();
        await table.retire();
      }
      const report = summarize(opts.config, reports);
      if (opts.format === 'json') ctx.out(JSON.stringify(report, null, 2));
      else ctx.out(renderText(report, probe.completion));
      ctx.exitCode = report.ok ? EXIT.ok : EXIT.operational;
    });
}
