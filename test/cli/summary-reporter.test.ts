// The closing lines of `npm test`: every skipped test with its reason, then `N passed, N failed, N skipped`
// as the last line (CI reads it).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/cli.js';

it('lists each skipped test with its reason, just before the count line', () => {
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/fixtures/reporter/vitest.config.ts'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    timeout: 60_000,
  });
  expect(r.status).toBe(0);
  const F = 'test/fixtures/reporter/skips.fixture.ts';
  expect(r.stdout.endsWith(
    [
      'skipped 4:',
      `  ${F} > needs a tool > uses it: the tool is not installed`,
      `  ${F} > needs a file: the file is missing`,
      `  ${F} > decides at run time: decided at run time`,
      `  ${F} > skipped without a reason: no reason given (use skipUnless() from test/support/skip.ts)`,
      '1 passed, 0 failed, 4 skipped',
      '',
    ].join('\n'),
  )).toBe(true);
});
