// rmctl validate: every problem in both sources, with file:line:col, a stable code and a fix.
import type { Command } from 'commander';
import { EXIT } from '../../shared/errors.js';
import type { CliContext } from '../context.js';
import { printDiagnostics, type Format } from '../output.js';
import { addSourceOptions, buildSources, formatOption, type SourceOptions } from '../sources.js';

export function register(program: Command, ctx: CliContext): void {
  addSourceOptions(program.command('validate'))
    .addOption(formatOption(program))
    .action((opts: SourceOptions & { format: Format }) => {
      const github = opts.format === 'github';
      // Annotations name files relative to the repository root, wherever the job runs rmctl from.
      const result = buildSources(ctx, opts, { emit: false, displayBase: github ? ctx.env.GITHUB_WORKSPACE || ctx.io.cwd : undefined });
      const extra = result.config ? { model_groups: new Set(result.config.model_list.map((d) => d.model_name)).size, deployments: result.config.model_list.length } : {};
      printDiagnostics(result.diagnostics, opts.format, ctx, extra, github ? ctx.env.GITHUB_STEP_SUMMARY || undefined : undefined);
      ctx.exitCode = result.ok ? EXIT.ok : EXIT.invalid;
    });
}
