// The rmctl program. Each command lives in src/cli/commands/<name>.ts and exports `register(program)`.
// src/cli is the only layer that prints or exits.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT } from '../shared/errors.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerGenerate } from './commands/generate.js';
import { register as registerServe } from './commands/serve.js';
import { register as registerApply } from './commands/apply.js';
import { register as registerRollback } from './commands/rollback.js';
import { register as registerBackups } from './commands/backups.js';
import { register as registerSystemdUnit } from './commands/systemd-unit.js';

const program = new Command('rmctl')
  .description('RainyModel: validate, compile, deploy and serve multi-provider LLM routing configs')
  .version(packageVersion())
  .showHelpAfterError('(run `rmctl --help` for usage)')
  .exitOverride();

registerValidate(program);
registerGenerate(program);
registerServe(program);
registerApply(program);
registerRollback(program);
registerBackups(program);
registerSystemdUnit(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    // An operational failure nobody handled: say what failed, without a stack trace for users.
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`rmctl: ${message}\n`);
    if (process.env.RMCTL_DEBUG) process.stderr.write(`${(err as Error)?.stack ?? ''}\n`);
    process.exitCode = EXIT.operational;
  }
}

function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}
