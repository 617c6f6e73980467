// Prints the plain closing line CI reads: `N passed, N failed, N skipped`, and just before it every skipped
// test with the reason it was skipped (`ctx.skip(note)`, or skipUnless() from skip.ts on it or a suite).
// Vitest's own summary is decorated and not parsed; a run that executed nothing shows `0 passed`.
import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule, TestSuite } from 'vitest/node';

function skipReason(test: TestCase): string {
  const result = test.result();
  if (result.state === 'skipped' && result.note) return result.note;
  // The test's own reason, else its nearest suite's (a skipped describe skips every test in it).
  let task: TestCase | TestSuite | TestModule | undefined = test;
  while (task) {
    const reason = task.meta().skipReason;
    if (reason) return reason;
    task = task.type === 'module' ? undefined : task.parent;
  }
  const mode = test.options.mode;
  return mode === 'todo' ? 'marked todo' : 'no reason given (use skipUnless() from test/support/skip.ts)';
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    const skipped: string[] = [];
    for (const mod of testModules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped.push(`  ${relative(process.cwd(), mod.moduleId)} > ${test.fullName}: ${skipReason(test)}`);
      }
      // A file that failed to load counts as a failure even though it has no tests.
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    failed += unhandledErrors.length;
    const lines = skipped.length > 0 ? ['', `skipped ${skipped.length}:`, ...skipped] : [];
    process.stdout.write(`${lines.join('\n')}\n${passed} passed, ${failed} failed, ${skipped.length} skipped\n`);
  }
}
