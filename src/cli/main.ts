// rmctl's entry point: binds the program (program.ts) to this process. A reader that goes away early
// (`rmctl validate --format github | head -1`) ends the output quietly instead of an EPIPE stack trace.
import { runCli } from './program.js';
import type { TextSink } from './context.js';

function pipeSafe(stream: NodeJS.WriteStream): TextSink {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    closed = true;
  });
  return {
    isTTY: stream.isTTY,
    write: (text: string) => (closed ? false : stream.write(text)),
  };
}

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: pipeSafe(process.stdout),
  stderr: pipeSafe(process.stderr),
  exit: (code) => process.exit(code),
});
// Commands that still set process.exitCode themselves (apply, rollback, backups) keep theirs.
if (code !== 0) process.exitCode = code;
