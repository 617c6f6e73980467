// The rmctl program. Each command lives in src/cli/commands/<name>.ts and exports `register(program)`.
// src/cli is the only layer that prints or exits.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { EXIT } from '../shared/errors.js';

const program = new Command('rmctl')
  .description('RainyModel: validate, compile, deploy and serve multi-provider LLM routing configs')
  .version(packageVersion())
  .showHelpAfterError('(run `rmctl --help` for usage)')
  .exitOverride();

// Each command's module (and what it imports: the proxy, undici, pino, the deploy code) loads only when
// that command runs; help and unknown commands load them all. Startup is most of a small validate.
const COMMANDS: Record<string, () => Promise<{ register(program: Command): void }>> = {
  validate: () => import('./commands/validate.js'),
  generate: () => import('./commands/generate.js'),
  serve: () => import('./commands/serve.js'),
  apply: () => import('./commands/apply.js'),
  rollback: () => import('./commands/rollback.js'),
  backups: () => import('./commands/backups.js'),
  'systemd-unit': () => import('./commands/systemd-unit.js'),
  monitoring: () => import('./commands/monitoring.js'),
};
const named = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
const wanted = named !== undefined && Object.hasOwn(COMMANDS, named) ? [named] : Object.keys(COMMANDS);
for (const name of wanted) (await COMMANDS[name]!()).register(program);

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
