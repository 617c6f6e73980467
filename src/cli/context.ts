// What a command may touch of the outside world: its arguments, environment, working directory, stdout,
// stderr, colour and exit code. main.ts binds a context to the process; tests build one in memory and run
// the program in process (program.ts). Commands print and set exit codes only through it. Colour (chalk)
// is loaded with the command that paints (loadColor), so `--version` and `--help` never load it.
import { resolve } from 'node:path';
import type { ChalkInstance } from 'chalk';

export interface TextSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface CliIO {
  /** The arguments after `rmctl`. */
  argv: readonly string[];
  env: NodeJS.ProcessEnv;
  cwd: string;
  stdout: TextSink;
  stderr: TextSink;
  /** Ends the process (long-running commands: serve's shutdown). Tests record the code instead. */
  exit?: (code: number) => void;
}

/**
 * Colour for people, following https://no-color.org and Node's own rules: FORCE_COLOR wins ("0"/"false"
 * turn colour off, "2"/"3" raise the depth), then a non-empty NO_COLOR turns it off, TERM=dumb too;
 * otherwise colour only when both stdout and stderr are terminals.
 */
export function colorLevel(env: NodeJS.ProcessEnv, stdoutTTY: boolean, stderrTTY: boolean): 0 | 1 | 2 | 3 {
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    if (force === '2' || force === '3') return Number(force) as 2 | 3;
    return 1;
  }
  if (env.NO_COLOR) return 0;
  if (env.TERM === 'dumb') return 0;
  return stdoutTTY && stderrTTY ? 1 : 0;
}

export class CliContext {
  /** The exit code the run ends with (0 unless a command sets another). */
  exitCode = 0;
  private painter: ChalkInstance | undefined;

  constructor(readonly io: CliIO) {}

  /** Loads chalk at this run's colour level (program.ts does, before it loads a command module). */
  async loadColor(): Promise<void> {
    const { Chalk } = await import('./color.js');
    this.painter ??= new Chalk({ level: colorLevel(this.io.env, Boolean(this.io.stdout.isTTY), Boolean(this.io.stderr.isTTY)) });
  }

  /** Colour for people, at the level colorLevel() gives. */
  get color(): ChalkInstance {
    if (!this.painter) throw new Error('CliContext.color used before loadColor()');
    return this.painter;
  }

  get env(): NodeJS.ProcessEnv {
    return this.io.env;
  }

  /** A line for machines (stdout). */
  out(line: string): void {
    this.io.stdout.write(line + '\n');
  }

  /** A line for people (stderr). */
  err(line: string): void {
    this.io.stderr.write(line + '\n');
  }

  /** Raw text on stdout (a compiled file, a unit file). */
  write(text: string): void {
    this.io.stdout.write(text);
  }

  /** A path the user gave, resolved against the working directory of this run. */
  path(p: string): string {
    return resolve(this.io.cwd, p);
  }

  exit(code: number): void {
    this.exitCode = code;
    this.io.exit?.(code);
  }
}
