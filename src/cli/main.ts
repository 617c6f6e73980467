// The rmctl program. Each command lives in src/cli/commands/<name>.ts and exports `register(program)`.
// src/cli is the only layer that prints or exits.
import { Command, CommanderError } from 'commander';
import { EXIT } from '../shared/errors.js';
import { register as registerValidate } from './commands/validate.js';
import { register as registerGenerate } from './commands/generate.js';

const program = new Command('rmctl')
  .description('RainyModel: validate, compile, deploy and serve multi-provider LLM routing configs')
  .version(process.env.npm_package_version ?? '0.1.0')
  .showHelpAfterError('(run `rmctl --help` for usage)')
  .exitOverride();

registerValidate(program);
registerGenerate(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // --help and --version end here too, with exit code 0.
    process.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else {
    throw err;
  }
}
