// The rmctl program as a factory: buildProgram(ctx) and runCli(io) take their argv, environment, working
// directory and output streams from the caller and never exit the process, so tests run the CLI in
// process from src/. main.ts is the thin binding to the real process.
import { createRequire } from 'node:module';
import { Command, CommanderError } from 'commander';
import { EXIT } from '../shared/errors.js';
import { packagePath } from '../shared/package-files.js';
import { COMMANDS, namedCommand } from './command-list.js';
import { CliContext, type CliIO } from './context.js';

/** The program with the named command's module loaded; the others are listed (for help) but not loaded. */
export async function buildProgram(ctx: CliContext, options: { loadAll?: boolean } = {}): Promise<Command> {
  const program = new Command('rmctl')
    .description('RainyModel: validate, compile, deploy and serve multi-provider LLM routing configs')
    .version(packageVersion())
    .showHelpAfterError('(run `rmctl --help` for usage)')
    .configureOutput({
      writeOut: (s) => ctx.io.stdout.write(s),
      writeErr: (s) => ctx.io.stderr.write(s),
    })
    .exitOverride();
  const named = namedCommand(ctx.io.argv);
  for (const [name, entry] of Object.entries(COMMANDS)) {
    if (options.loadAll || name === named) {
      await ctx.loadColor();
      (await entry.load()).register(program, ctx);
      const cmd = program.commands.find((c) => c.name() === name);
      if (!cmd) throw new Error(`commands/${name}: register() added no "${name}" command`);
      if (!cmd.description()) cmd.description(entry.summary);
    } else {
      program.command(name).description(entry.summary);
    }
  }
  return program;
}

/** Runs one command line and resolves to its exit code. Long-running commands (serve) resolve once started. */
export async function runCli(io: CliIO): Promise<number> {
  const ctx = new CliContext(io);
  try {
    const program = await buildProgram(ctx);
    await program.parseAsync([...io.argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here too, with exit code 0; everything else commander refuses is usage.
      ctx.exitCode = err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else {
      // An operational failure nobody handled: say what failed, without a stack trace for users.
      ctx.err(`rmctl: ${err instanceof Error ? err.message : String(err)}`);
      if (io.env.RMCTL_DEBUG && err instanceof Error) ctx.err(err.stack ?? '');
      ctx.exitCode = EXIT.operational;
    }
  }
  return ctx.exitCode;
}

function packageVersion(): string {
  // Read through require: an ESM import of node:fs builds its whole facade (its lazy streams too), a
  // noticeable part of `rmctl --version`.
  const pkg = createRequire(import.meta.url)(packagePath('package.json')) as { version: string };
  return pkg.version;
}
