// rmctl generate: compile the sources into the LiteLLM config, deterministically; --check for CI.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { writeFileAtomic } from '../../deploy/atomic-write.js';
import { EXIT } from '../../shared/errors.js';
import type { CliContext } from '../context.js';
import { printDiagnostics } from '../output.js';
import { DEFAULT_COMPILED } from '../defaults.js';
import { addSourceOptions, buildSources, type SourceOptions } from '../sources.js';

interface GenerateOptions extends SourceOptions {
  out: string;
  check?: boolean;
  stdout?: boolean;
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

export function register(program: Command, ctx: CliContext): void {
  addSourceOptions(program.command('generate'))
    .option('--out <file>', 'where to write the compiled config', DEFAULT_COMPILED)
    .option('--check', 'write nothing; exit 1 when the file at --out is not what the sources compile to')
    // --check compares with --out; printing instead of writing leaves nothing to compare.
    .addOption(program.createOption('--stdout', 'print the compiled config instead of writing it').conflicts('check'))
    .action(async (opts: GenerateOptions) => {
      const result = buildSources(ctx, opts);
      const problems = result.diagnostics.filter((d) => d.severity !== 'info');
      if (!result.ok || !result.text) {
        printDiagnostics(result.diagnostics, 'text', ctx);
        ctx.err(`generate: not written: fix the errors above (${opts.out} is unchanged)`);
        ctx.exitCode = EXIT.invalid;
        return;
      }
      if (problems.length) printDiagnostics(problems, 'text', ctx);
      if (opts.stdout) {
        ctx.write(result.text);
        return;
      }
      const out = ctx.path(opts.out);
      const current = readIfPresent(out);
      if (opts.check) {
        if (current === result.text) {
          ctx.err(`${opts.out} is up to date`);
          return;
        }
        ctx.err(
          current === undefined
            ? `${opts.out} does not exist: run \`rmctl generate\` and commit the result`
            : `${opts.out} is stale: it is not what the sources compile to; run \`rmctl generate\` and commit the result`,
        );
        ctx.exitCode = EXIT.invalid;
        return;
      }
      if (current === result.text) {
        ctx.err(`${opts.out} unchanged`);
        return;
      }
      try {
        mkdirSync(dirname(out), { recursive: true });
        await writeFileAtomic(out, result.text);
      } catch (err) {
        ctx.err(`generate: ${(err as Error).message}`);
        ctx.exitCode = EXIT.operational;
        return;
      }
      const groups = new Set(result.config?.model_list.map((d) => d.model_name)).size;
      ctx.err(`wrote ${opts.out}: ${groups} model groups, ${result.config?.model_list.length} deployments`);
    });
}
