// rmctl validate: every problem in both sources, with file:line:col, a stable code and a fix.
import type { Command } from 'commander';
import { buildFromFiles } from '../../compile/index.js';
import { EXIT } from '../../shared/errors.js';
import { printDiagnostics, type Format } from '../output.js';
import { addSourceOptions, formatOption, type SourceOptions } from '../sources.js';

export { printDiagnostics } from '../output.js';

export function register(program: Command): void {
  addSourceOptions(program.command('validate'))
    .description('check providers.yaml and model-mappings.yaml against the schemas and the routing rules')
    .addOption(formatOption())
    .action((opts: SourceOptions & { format: Format }) => {
      const result = buildFromFiles(opts.providers, opts.mappings, { strict: opts.strict, emit: false });
      const extra = result.config ? { model_groups: new Set(result.config.model_list.map((d) => d.model_name)).size, deployments: result.config.model_list.length } : {};
      printDiagnostics(result.diagnostics, opts.format, undefined, extra);
      process.exitCode = result.ok ? EXIT.ok : EXIT.invalid;
    });
}
