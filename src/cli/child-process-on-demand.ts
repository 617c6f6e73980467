// What the bundled CLI gives commander for node:child_process (scripts/bundle.mjs substitutes it in
// main.js, for commander's import alone). commander requires node:child_process when it loads, for
// executable subcommands (`git`-style), which rmctl does not have; loading it, and net and dgram with it,
// was ~3 ms of every command's start on Node 20. The real module loads here on first use. commander uses
// spawn and nothing else of it: test/cli/startup.test.ts reads commander's source to keep that true.
import { createRequire } from 'node:module';
import type * as ChildProcess from 'node:child_process';

let real: typeof ChildProcess | undefined;

export const spawn = ((...args: Parameters<typeof ChildProcess.spawn>) => {
  real ??= createRequire(import.meta.url)('node:child_process') as typeof ChildProcess;
  return real.spawn(...args);
}) as typeof ChildProcess.spawn;
