// rmctl generate: compile the sources into the LiteLLM config, deterministically; --check for CI.
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { buildFromFiles } from '../../compile/index.js';
import { writeFileAtomic } from '../../deploy/atomic-write.js';
import { EXIT } from '../../shared/errors.js';
import { printDiagnostics, stdio } from '../output.js';
import { addSourceOptions, type SourceOptions } from '../sources.js';

export const DEFAULT_OUT = 'generated/litellm-unified.yaml';

interface GenerateOptions extends SourceOptions {
  out: string;
  check?: boolean;
  stdout?: boolean;
}

export function register(program: Command): void {
  addSourceOptions(program.command('generate'))
    .description('compile the sources into a LiteLLM config (generated/litellm-unified.yaml)')
    .option('--out <file>', 'where to write the compiled config', DEFAULT_OUT)
    .option('--check', 'write nothing; exit 1 when the file at --out is not what the sources compile to')
    .option('--stdout', 'print the compiled config instead of writing it')
    .action(async (opts: GenerateOptions) => {
      const result = buildFromFiles(opts.providers, opts.mappings, { strict: opts.strict });
      const problems = result.diagnostics.filter((d) => d.severity !== 'info');
      if (!result.ok || !result.text) {
        printDiagnostics(result.diagnostics, 'text');
        stdio.err(`generate: not written: fix the errors above (${opts.out} is unchanged)`);
        process.exitCode = EXIT.invalid;
        return;
      }
      if (problems.length) printDiagnostics(problems, 'text');
      if (opts.stdout) {
        process.stdout.write(result.text);
        return;
      }
      let current: string | undefined;
      try {
        current = readFileSync(opts.out, 'utf8');
      } catch {
        current = undefined;
      }
      if (opts.check) {
        if (current === result.text) {
          stdio.err(`${opts.out} is up to date`);
          return;
        }
        stdio.err(
          current === undefined
            ? `${opts.out} does not exist: run \`rmctl generate\` and commit the result`
            : `${opts.out} is stale: it is not what the sources compile to; run \`rmctl generate\` and commit the result`,
        );
        process.exitCode = EXIT.invalid;
        return;
      }
      if (current === result.text) {
        stdio.err(`${opts.out} unchanged`);
        return;
      }
      try {
        mkdirSync(dirname(opts.out), { recursive: true });
        await writeFileAtomic(opts.out, result.text);
      } catch (err) {
        stdio.err(`generate: ${(err as Error).message}`);
        process.exitCode = EXIT.operational;
        return;
      }
      const groups = new Set(result.config?.model_list.map((d) => d.model_name)).size;
      stdio.err(`wrote ${opts.out}: ${groups} model groups, ${result.config?.model_list.length} deployments`);
    });
}
