// rmctl.config.yaml checked by schemas/rmctl-settings.schema.json through the one schema registry and
// mapper: each problem at its key (line:col), naming the field, what it must be, and the key meant.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSettingsFile } from '../../src/deploy/settings.js';

const dir = mkdtempSync(join(tmpdir(), 'rmctl-settings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function settings(text: string): ReturnType<typeof readSettingsFile> {
  const file = join(dir, `${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, text);
  return readSettingsFile(file);
}

describe('the settings schema', () => {
  it('a wrong type, a value out of its list and a bad URL: errors at the key, naming the field', () => {
    const r = settings('deploy:\n  timeout: soon\n  scope: global\n  health_url: ftp://proxy\n  keep_backups: -1\n  target: live.yaml\n');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.col, d.message])).toEqual([
      ['settings/type', 'error', 2, 3, '"deploy/timeout" must be number, not string "soon"'],
      ['settings/type', 'error', 3, 3, '"deploy/scope" is "global", which is not one of: user, system'],
      ['settings/type', 'error', 4, 3, '"deploy/health_url" is "ftp://proxy", which does not match ^https?://'],
      ['settings/type', 'error', 5, 3, '"deploy/keep_backups" must be >= 0'],
    ]);
    // The keys that are right still count.
    expect(r.values).toEqual({ target: join(dir, 'live.yaml') });
  });

  it('a mistyped key: a warning at the key with the key meant; a key with no value means not set', () => {
    const r = settings('deploy:\n  canary:\n  bakup: true\n');
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.line, d.col, d.message])).toEqual([
      ['settings/unknown-key', 'warning', 3, 3, 'unknown key "bakup" in "deploy": it has no effect; did you mean "backup"?'],
    ]);
    expect(r.values).toEqual({});
  });

  it('a deploy section that is not a map, and a file that is not one', () => {
    expect(settings('deploy: [a]\n').diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['settings/type', 1, '"deploy" must be object, not a list']]);
    expect(settings('- deploy\n').diagnostics.map((d) => [d.code, d.line, d.message])).toEqual([['settings/type', 1, 'the top level must be object, not a list']]);
    expect(settings('').diagnostics).toEqual([]);
  });
});
