// The commands rmctl knows, with the one-line summary `rmctl --help` lists. A command's module (and what
// it imports: the compiler, the proxy, the deploy code) loads only when that command runs, so `--version`,
// `--help` and a mistyped command load none of them. A new command: add a line here and a module under
// commands/ exporting `register(program, ctx)` (it may leave the description to this list).
import type { Command } from 'commander';
import type { CliContext } from './context.js';

export interface CommandModule {
  register(program: Command, ctx: CliContext): void;
}

export interface CommandEntry {
  summary: string;
  load: () => Promise<CommandModule>;
}

export const COMMANDS: Readonly<Record<string, CommandEntry>> = {
  validate: {
    summary: 'check providers.yaml and model-mappings.yaml against the schemas and the routing rules',
    load: () => import('./commands/validate.js'),
  },
  generate: {
    summary: 'compile the sources into a LiteLLM config (generated/litellm-unified.yaml)',
    load: () => import('./commands/generate.js'),
  },
  explain: {
    summary: 'show which deployments a request for a model tries, in order, per policy, and why others are skipped',
    load: () => import('./commands/explain.js'),
  },
  serve: {
    summary: 'serve the compiled config as an OpenAI-compatible proxy (hot reload on SIGHUP, drain on SIGTERM)',
    load: () => import('./commands/serve.js'),
  },
  apply: {
    summary: 'validate, compile and deploy the sources: plan, lock, backup, atomic write, restart, verify, auto-rollback',
    load: () => import('./commands/apply.js'),
  },
  rollback: {
    summary: 'deploy the sources as they were at a git commit, or a backup, through the apply transaction (backup first)',
    load: () => import('./commands/rollback.js'),
  },
  backups: {
    summary: 'list the backups of the deployed config (deploy.target), newest first',
    load: () => import('./commands/backups.js'),
  },
  'systemd-unit': {
    summary: 'print a systemd unit for `rmctl serve` (hot reload with ExecReload, restart policy, hardening)',
    load: () => import('./commands/systemd-unit.js'),
  },
  monitoring: {
    summary: 'write Prometheus alert rules and a Grafana dashboard for the metrics rmctl serve exports',
    load: () => import('./commands/monitoring.js'),
  },
  doctor: {
    summary: 'probe every deployment of a compiled config live: reachable, key accepted, model offered, latency',
    load: () => import('./commands/doctor.js'),
  },
  status: {
    summary: "the running proxy's own view, like top: circuits, windowed figures per deployment and provider, key use",
    load: () => import('./commands/status.js'),
  },
};

/** The command a command line names (`rmctl help X` names X), or undefined for none or an unknown one. */
export function namedCommand(argv: readonly string[]): string | undefined {
  const words = argv.filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? name : undefined;
}
