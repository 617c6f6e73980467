// What people and CI see: colour rules (NO_COLOR, FORCE_COLOR, terminals) and GitHub annotations kept
// within GitHub's per-step limits, with paths relative to the repository root.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { colorLevel } from '../../src/cli/context.js';
import { ROOT, rmctlInProcess } from '../support/cli.js';

const base = mkdtempSync(join(tmpdir(), 'rmctl-output-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const PROVIDERS = 'providers:\n  local:\n    type: ollama\n    base_url: http://127.0.0.1:11434\n    modles: typo\n    models: [m]\n';
const MAPPINGS = 'aliases:\n  chat:\n    deployments:\n      - {provider: local, model: m}\n';
const SRC = ['--providers', 'providers.yaml', '--mappings', 'model-mappings.yaml'];
let n = 0;
function project(providers = PROVIDERS, mappings = MAPPINGS, under = base): string {
  const dir = join(under, `p${++n}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'providers.yaml'), providers);
  writeFileSync(join(dir, 'model-mappings.yaml'), mappings);
  return dir;
}
const ESC = '\u001b[';

describe('colour', () => {
  it.each([
    [{}, true, true],
    [{}, false, false],
    [{ NO_COLOR: '1' }, true, false],
    [{ NO_COLOR: '' }, true, true],
    [{ TERM: 'dumb' }, true, false],
    [{ FORCE_COLOR: '1' }, false, true],
    [{ FORCE_COLOR: '' }, false, true],
    [{ FORCE_COLOR: '0' }, true, false],
    [{ FORCE_COLOR: 'false' }, true, false],
    [{ FORCE_COLOR: '1', NO_COLOR: '1' }, false, true],
  ])('env %j on a terminal=%s: colour %s', async (env: Record<string, string>, tty: boolean, coloured: boolean) => {
    const r = await rmctlInProcess(project(), ['validate', ...SRC], { env, tty });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('schema/unknown-key');
    expect(r.stderr.includes(ESC)).toBe(coloured);
  });

  it('FORCE_COLOR=2 and 3 raise the depth', () => {
    expect(colorLevel({ FORCE_COLOR: '2' }, false, false)).toBe(2);
    expect(colorLevel({ FORCE_COLOR: '3' }, false, false)).toBe(3);
    expect(colorLevel({}, true, false)).toBe(0);
  });
});

describe('--format github', () => {
  it('names files relative to the repository root ($GITHUB_WORKSPACE), wherever rmctl runs', async () => {
    const workspace = join(base, 'repo');
    const dir = project(PROVIDERS, MAPPINGS, join(workspace, 'llm'));
    const r = await rmctlInProcess(dir, ['validate', '--format', 'github', ...SRC], { env: { GITHUB_WORKSPACE: workspace } });
    expect(r.stdout).toMatch(new RegExp(`^::warning file=llm/p${n}/providers\\.yaml,line=5,col=5,title=schema/unknown-key::`));
    // Outside GitHub, the working directory is the base.
    const local = await rmctlInProcess(dir, ['validate', '--format', 'github', ...SRC]);
    expect(local.stdout).toMatch(/^::warning file=providers\.yaml,line=5,col=5,/);
  });

  it("the example's unset provider keys are one notice, not ten warnings that fill GitHub's limit", async () => {
    const r = await rmctlInProcess(ROOT, ['validate', '--format', 'github'], { env: { GITHUB_WORKSPACE: ROOT } });
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::warning ') || l.startsWith('::error '))).toEqual([]);
    const unset = lines.filter((l) => l.includes('environment variables are not set'));
    expect(unset).toHaveLength(1);
    expect(unset[0]).toMatch(/^::notice file=mappings\/model-mappings\.yaml,line=\d+,col=\d+,title=auth\/master-key-unset::10 environment variables are not set in this job: RAINYMODEL_MASTER_KEY, HF_TOKEN, /);
    expect(r.stderr).toMatch(/^valid: 0 errors, 10 warnings, \d+ info\n$/);
  });

  it('--strict keeps unset variables as errors, each annotated', async () => {
    const r = await rmctlInProcess(ROOT, ['validate', '--format', 'github', '--strict']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.filter((l) => l.startsWith('::error ') && /title=(env\/unset|auth\/master-key-unset)/.test(l))).toHaveLength(10);
  });

  it('beyond 10 of a kind: 9 annotations, a note saying how many more, the rest in the log', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `  a${i}:\n    deployments:\n      - {provider: nowhere, model: x}\n`).join('');
    const r = await rmctlInProcess(project(PROVIDERS, `aliases:\n${aliases}`), ['validate', '--format', 'github', ...SRC]);
    expect(r.code).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(errors).toHaveLength(10);
    expect(errors[9]).toBe('::error title=rmctl validate::3 more errors not annotated (GitHub shows 10 per step): see the step log or the job summary');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('::warning '))).toHaveLength(1);
    expect(r.stderr.match(/ error (ref|route)\//g)).toHaveLength(3);
    expect(r.stderr).toMatch(/invalid: 12 errors, 1 warning, 0 info\n$/);
  });

  it('appends every diagnostic to the job summary ($GITHUB_STEP_SUMMARY)', async () => {
    const summary = join(base, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const r = await rmctlInProcess(ROOT, ['validate', '--format', 'github'], { env: { GITHUB_STEP_SUMMARY: summary } });
    expect(r.code).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text).toMatch(/^# earlier step\n### rmctl validate\n\nvalid: 0 errors, 10 warnings, \d+ info\n/);
    expect(text.match(/^\| warning \| providers\/providers\.yaml:\d+:\d+ \| env\/unset \| /gm)).toHaveLength(9);
  });
});
