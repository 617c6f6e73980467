// rmctl's entry point: binds the program (program.ts) to this process. A reader that goes away early
// (`rmctl validate --format github | head -1`) ends the output quietly instead of an EPIPE stack trace.
// process.stdout and process.stderr are opened on first use (a stream costs start-up time).
import { runCli } from './program.js';
import type { TextSink } from './context.js';

function pipeSafe(open: () => NodeJS.WriteStream): TextSink {
  let closed = false;
  let stream: NodeJS.WriteStream | undefined;
  const opened = (): NodeJS.WriteStream => {
    if (!stream) {
      stream = open();
      stream.on('error', (err: NodeJS.ErrnoException) => {
        if (err.code !== 'EPIPE') throw err;
        closed = true;
      });
    }
    return stream;
  };
  return {
    get isTTY() {
      return opened().isTTY;
    },
    write: (text: string) => (closed ? false : opened().write(text)),
  };
}

const code = await runCli({
  argv: process.argv.slice(2),
  env: process.env,
  cwd: process.cwd(),
  stdout: pipeSafe(() => process.stdout),
  stderr: pipeSafe(() => process.stderr),
  exit: (code) => process.exit(code),
});
process.exitCode = code;
