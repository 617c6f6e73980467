// serve's loader and apply's check of a compiled file from git or a backup report schema problems through
// the one mapper validate uses: the same codes and words, a did-you-mean, and the key's own position.
import { describe, expect, it } from 'vitest';
import { checkCompiledText } from '../../src/deploy/candidate.js';
import { loadCompiledConfig } from '../../src/proxy/config-load.js';
import { writeTempFile } from './helpers.js';

const MISTYPED =
  'model_list:\n' +
  '  - model_name: g\n' +
  '    litellm_params:\n' +
  '      model: openai/m1\n' +
  'rainymodel:\n' +
  '  version: 1\n' +
  '  policies:\n' +
  '    default: [free]\n' +
  '  rate_limit:\n' +
  '    rpn: 10\n';

describe('a compiled file with a mistyped key', () => {
  it('serve refuses it with schema/unknown-key at the key, and names the key meant', async () => {
    const file = writeTempFile(MISTYPED);
    const loaded = await loadCompiledConfig(file, {});
    expect(loaded.ok).toBe(false);
    expect(loaded.ok ? [] : loaded.diagnostics).toEqual([
      expect.objectContaining({
        code: 'schema/unknown-key',
        severity: 'error',
        message: 'unknown key "rpn" in "rainymodel/rate_limit": it has no effect',
        hint: 'did you mean "rpm"?',
        line: 10,
        col: 5,
        pointer: '/rainymodel/rate_limit/rpn',
      }),
    ]);
  });

  it('apply (rollback to a commit or backup) gives the same diagnostic', () => {
    const diagnostics = checkCompiledText(MISTYPED, 'generated/litellm-unified.yaml@abc');
    expect(diagnostics.map((d) => [d.code, d.severity, d.file, d.line, d.col, d.hint])).toEqual([
      ['schema/unknown-key', 'error', 'generated/litellm-unified.yaml@abc', 10, 5, 'did you mean "rpm"?'],
    ]);
  });

  it('a wrong type names the field, what it must be and what it is', async () => {
    const loaded = await loadCompiledConfig(writeTempFile(MISTYPED.replace('rpn: 10', 'rpm: lots')), {});
    expect(loaded.ok ? [] : loaded.diagnostics.map((d) => [d.code, d.message, d.line])).toEqual([
      ['schema/type', '"rainymodel/rate_limit/rpm" must be integer, not string "lots"', 10],
    ]);
  });
});
