// Skipping with a reason: `describe(name, skipUnless(available, 'why'), () => ...)` (or `it`). The summary
// reporter prints every skipped test with its reason at the end of the run, so a green run on a machine
// without redis-server or ../shared says what it did not test.
import type { TestOptions } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** Why the test (or every test of the suite) was skipped; read by summary-reporter.ts. */
    skipReason?: string;
  }
}

export function skipUnless(available: boolean, reason: string): TestOptions {
  return available ? {} : { skip: true, meta: { skipReason: reason } };
}
