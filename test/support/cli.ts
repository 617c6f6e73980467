// Running rmctl in tests: in process from src/ (runCli with in-memory streams, an injected environment and
// working directory), or as the real launcher (bin/rmctl -> dist/) in a child process.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../src/cli/program.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RMCTL = fileURLToPath(new URL('../../bin/rmctl', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Pretend stdout and stderr are terminals. */
  tty?: boolean;
}

/** rmctl from src/, in this process: nothing of this process's environment, cwd or streams leaks in. */
export async function rmctlInProcess(cwd: string, args: string[], options: RunOptions = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv: args,
    env: { ...options.env },
    cwd,
    stdout: { write: (s: string) => (stdout += s), isTTY: options.tty ?? false },
    stderr: { write: (s: string) => (stderr += s), isTTY: options.tty ?? false },
    exit: (c) => {
      throw new Error(`rmctl ${args.join(' ')} asked to exit the process (${c}) in process`);
    },
  });
  return { code, stdout, stderr };
}

/** The real launcher in a child process (needs `npm run build`, which `npm test` runs first). */
export function rmctlProcess(cwd: string, args: string[], options: RunOptions & { closeStdout?: boolean } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [RMCTL, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...options.env } });
    let stdout = '';
    let stderr = '';
    // A reader that went away before rmctl wrote a byte (`rmctl ... | head -0`): every write gets EPIPE.
    if (options.closeStdout) child.stdout.destroy();
    else child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
