// rmctl explain [MODEL]: the deployments a request tries, in order, per policy, and what each is skipped
// for, from the route table `rmctl serve` would build for the same file and environment.
import type { Command } from 'commander';
import type { CompiledConfig } from '../../shared/compiled-config.js';
import type { Diagnostic } from '../../shared/diagnostics.js';
import { EXIT } from '../../shared/errors.js';
import { loadCompiledConfig } from '../../proxy/config-load.js';
import { resolveEnvRefs, type MissingEnv } from '../../proxy/env.js';
import { explainAll, explainModel, UnknownNameError } from '../../proxy/explain.js';
import type { Endpoint } from '../../proxy/providers/types.js';
import { StateStore } from '../../proxy/state.js';
import { buildRouteTable, TableBuildError, type RouteTable } from '../../proxy/table.js';
import type { CliContext } from '../context.js';
import { explanationText, summaryText } from '../explain-text.js';
import { printDiagnostics } from '../output.js';
import { addSourceOptions, buildSources, type SourceOptions } from '../sources.js';
import { DEFAULT_COMPILED } from '../defaults.js';

interface ExplainOptions extends SourceOptions {
  config: string;
  sources?: boolean;
  policy?: string;
  endpoint: Endpoint;
  format: 'text' | 'json';
}

type Loaded = { ok: true; table: RouteTable } | { ok: false; diagnostics: Diagnostic[]; message?: string };

/** The compiled file read exactly as `rmctl serve` reads it. */
/**
 * Unset secrets serve refuses to start without (the master key) do not stop an explanation: they are
 * set aside and shown as warnings.
 */
function setAsideAuth(missing: readonly MissingEnv[]): { missing: MissingEnv[]; warnings: string[] } {
  const auth = (m: MissingEnv): boolean => m.pointer.startsWith('/general_settings/master_key') || m.pointer.startsWith('/rainymodel/auth');
  return {
    missing: missing.filter((m) => !auth(m)),
    warnings: missing.filter(auth).map((m) => `${m.pointer} references ${m.variable}, which is not set here: rmctl serve would refuse to start`),
  };
}

async function fromCompiled(ctx: CliContext, file: string): Promise<Loaded> {
  const loaded = await loadCompiledConfig(ctx.path(file), ctx.env);
  if (!loaded.ok) return { ok: false, diagnostics: loaded.diagnostics };
  return buildTable(ctx, loaded.config, loaded.missing, loaded.refs);
}

/** The sources compiled in memory, then read as `rmctl serve` would read their output. */
function fromSources(ctx: CliContext, opts: SourceOptions): Loaded {
  const built = buildSources(ctx, opts, { emit: false });
  if (!built.ok || !built.config) return { ok: false, diagnostics: built.diagnostics };
  const { value, missing, refs } = resolveEnvRefs(built.config, ctx.env);
  return buildTable(ctx, value as CompiledConfig, missing, refs);
}

function buildTable(ctx: CliContext, config: CompiledConfig, missingAll: readonly MissingEnv[], refs: readonly MissingEnv[]): Loaded {
  const { missing, warnings } = setAsideAuth(missingAll);
  for (const w of warnings) ctx.err(`warning: ${w}`);
  try {
    return { ok: true, table: buildRouteTable({ config, missing, envRefs: refs, store: new StateStore(), env: ctx.env }) };
  } catch (err) {
    if (err instanceof TableBuildError) return { ok: false, diagnostics: [], message: err.message };
    throw err;
  }
}

function report(ctx: CliContext, table: RouteTable, model: string | undefined, opts: ExplainOptions): void {
  if (model === undefined) {
    const rows = explainAll(table);
    if (opts.format === 'json') ctx.out(JSON.stringify({ default_policy: table.defaultPolicy, policies: Object.fromEntries(table.policies), names: rows, warnings: table.warnings }, null, 2));
    else for (const line of summaryText(rows, table.defaultPolicy)) ctx.out(line);
  } else {
    const e = explainModel(table, model, { policy: opts.policy, endpoint: opts.endpoint });
    if (opts.format === 'json') ctx.out(JSON.stringify({ ...e, warnings: table.warnings }, null, 2));
    else for (const line of explanationText(e)) ctx.out(line);
  }
  // Disabled deployments are in the explanation itself (skipped, and why); the other warnings are not.
  if (opts.format === 'text') for (const w of table.warnings) if (!/^deployment .* disabled: /.test(w)) ctx.err(`warning: ${w}`);
}

export function register(program: Command, ctx: CliContext): void {
  addSourceOptions(program.command('explain'))
    .argument('[model]', 'a public model name (without it: every name, as a table)')
    .option('-c, --config <file>', 'compiled config to explain', DEFAULT_COMPILED)
    .option('--sources', 'explain the sources (--providers, --mappings) compiled in memory instead of a compiled file')
    .option('--policy <name>', 'only this policy')
    .addOption(program.createOption('--endpoint <endpoint>', 'the request kind').choices(['chat', 'completion', 'embedding']).default('chat'))
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action(async (model: string | undefined, opts: ExplainOptions) => {
      const loaded = opts.sources ? fromSources(ctx, opts) : await fromCompiled(ctx, opts.config);
      if (!loaded.ok) {
        if (loaded.diagnostics.length > 0) printDiagnostics(loaded.diagnostics, 'text', ctx);
        ctx.err(`explain: ${loaded.message ?? 'the config is invalid: fix the errors above'}`);
        ctx.exitCode = EXIT.invalid;
        return;
      }
      try {
        report(ctx, loaded.table, model, opts);
      } catch (err) {
        if (!(err instanceof UnknownNameError)) throw err;
        ctx.err(`explain: ${err.message}`);
        ctx.exitCode = EXIT.usage;
      } finally {
        await loaded.table.retire();
      }
    });
}
