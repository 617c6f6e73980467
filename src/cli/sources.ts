// Options every command that reads sources shares, and the build from them as the command line sees it:
// paths resolved against the run's working directory, shown relative to it (or to another base).
import type { Command, Option } from 'commander';
import { buildFromFiles, type BuildResult } from '../compile/index.js';
import type { CliContext } from './context.js';
import { DEFAULT_MAPPINGS, DEFAULT_PROVIDERS } from './defaults.js';
import { displayPath, FORMATS } from './output.js';


export interface SourceOptions {
  providers: string;
  mappings: string;
  strict?: boolean;
}

export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--providers <file>', 'provider registry', DEFAULT_PROVIDERS)
    .option('--mappings <file>', 'routing map', DEFAULT_MAPPINGS)
    .option('--strict', 'treat unknown keys and unset environment variables as errors');
}

/** --format, made by the command's own commander (commands do not import commander's classes: see scripts/bundle.mjs). */
export function formatOption(cmd: Command, formats: readonly string[] = FORMATS): Option {
  return cmd.createOption('--format <format>', 'output format').choices([...formats]).default('text');
}

/** Builds the sources named on the command line; diagnostics name files relative to `displayBase` (default: cwd). */
export function buildSources(ctx: CliContext, opts: SourceOptions, options: { emit?: boolean; displayBase?: string } = {}): BuildResult {
  const result = buildFromFiles(ctx.path(opts.providers), ctx.path(opts.mappings), { strict: opts.strict, env: ctx.env, emit: options.emit });
  const base = options.displayBase ?? ctx.io.cwd;
  return { ...result, diagnostics: result.diagnostics.map((d) => ({ ...d, file: displayPath(d.file, base) })) };
}
