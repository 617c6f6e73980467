// `rmctl monitoring` as a child process: the files it writes, `promtool check rules` on them, overrides
// and usage errors, and every query (rules and dashboard) naming only metrics a real `rmctl serve` exports.
// (needs `npm run build` and promtool from Debian's prometheus package)
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { cleanupAll, onCleanup, startUpstream, answers } from '../proxy/helpers.js';
import { RMCTL, startServe } from './support/serve-process.js';
import { at } from '../support/must.js';

const run = promisify(execFile);

afterEach(cleanupAll);

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rm-monitoring-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function monitoring(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [RMCTL, 'monitoring', ...args]);
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

interface Rule {
  alert: string;
  expr: string;
  for: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

function readRules(dir: string): Rule[] {
  return at((parse(readFileSync(join(dir, 'rainymodel-alerts.yml'), 'utf8')) as { groups: Array<{ rules: Rule[] }> }).groups, 0).rules;
}

function dashboardExprs(dir: string): string[] {
  const dashboard = JSON.parse(readFileSync(join(dir, 'rainymodel-dashboard.json'), 'utf8')) as { panels: Array<{ targets: Array<{ expr: string }> }> };
  return dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
}

describe('rmctl monitoring', () => {
  it('writes alert rules that pass promtool check rules, with the operators\' default thresholds', async () => {
    const dir = tempDir();
    const r = await monitoring(['--out', join(dir, 'nested')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('rainymodel-alerts.yml');
    const { stdout } = await run('promtool', ['check', 'rules', join(dir, 'nested', 'rainymodel-alerts.yml')]);
    expect(stdout).toContain('SUCCESS: 8 rules found');
    const rules = readRules(join(dir, 'nested'));
    const byName = new Map(rules.map((rule) => [rule.alert, rule]));
    expect(byName.get('RainyModelProviderSuccessRatioLow')).toMatchObject({ for: '10m' });
    expect(byName.get('RainyModelProviderSuccessRatioLow')!.expr).toMatch(/< 0\.95$/);
    expect(byName.get('RainyModelProviderAuthErrors')!.expr).toMatch(/outcome=~"401\|403"[\s\S]*> 0\.02$/);
    expect(byName.get('RainyModelProviderRateLimited')!.expr).toMatch(/outcome="429"[\s\S]*> 0\.05$/);
    expect(byName.get('RainyModelErrorRateHigh')!.expr).toMatch(/status=~"5\.\."[\s\S]*> 0\.1$/);
    expect(byName.get('RainyModelLatencyP95High')!.expr).toMatch(/histogram_quantile\(0\.95,[\s\S]*> 5$/);
    expect(byName.get('RainyModelRateLimitRejections')!.expr).toMatch(/\* 60 > 100$/);
    expect(byName.get('RainyModelDown')).toMatchObject({ expr: 'up{job="rainymodel"} == 0', labels: { severity: 'critical' } });
    for (const rule of rules) expect(rule.annotations.summary, rule.alert).toBeTruthy();
  });

  it('applies --threshold, --for, --window and --selector overrides', async () => {
    const dir = tempDir();
    const r = await monitoring(['--out', dir, '--threshold', 'success-ratio=90%', '--threshold', 'p95-latency=2500ms', '--threshold', 'rate-limit-rejections=50', '--for', 'error-rate=15m', '--window', 'auth-errors=10m', '--selector', 'job="rm",env="prod"']);
    expect(r.code).toBe(0);
    await run('promtool', ['check', 'rules', join(dir, 'rainymodel-alerts.yml')]);
    const byName = new Map(readRules(dir).map((rule) => [rule.alert, rule]));
    expect(byName.get('RainyModelProviderSuccessRatioLow')!.expr).toMatch(/< 0\.9$/);
    expect(byName.get('RainyModelProviderSuccessRatioLow')!.annotations.summary).toContain('under 90%');
    expect(byName.get('RainyModelLatencyP95High')!.expr).toMatch(/> 2\.5$/);
    expect(byName.get('RainyModelRateLimitRejections')!.expr).toMatch(/> 50$/);
    expect(byName.get('RainyModelErrorRateHigh')!.for).toBe('15m');
    expect(byName.get('RainyModelProviderAuthErrors')!.expr).toContain('[10m]');
    expect(byName.get('RainyModelDown')!.expr).toBe('up{job="rm",env="prod"} == 0');
    const dashboard = readFileSync(join(dir, 'rainymodel-dashboard.json'), 'utf8');
    expect(dashboard).not.toContain('job=\\"rainymodel\\"');
    expect(dashboard).toContain('job=\\"rm\\",env=\\"prod\\"');
  });

  it.each([
    [['--threshold', 'success-rate=90%'], 'unknown alert "success-rate"; names: success-ratio'],
    [['--threshold', 'success-ratio=190%'], 'a percentage from 0% to 100%'],
    [['--threshold', 'p95-latency=fast'], 'a duration in seconds like 5s'],
    [['--threshold', 'circuit-open=3'], 'circuit-open fires on a state and has no threshold'],
    [['--for', 'error-rate=5'], '"5" is not a Prometheus duration'],
    [['--threshold', 'error-rate'], 'expected NAME=VALUE'],
    [['--selector', 'job=rainymodel'], 'expected label matchers like job="rainymodel"'],
  ])('refuses %j with a usage error naming the fix', async (args, message) => {
    const dir = tempDir();
    const r = await monitoring(['--out', join(dir, 'out'), ...args]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain(message);
    expect(() => readFileSync(join(dir, 'out', 'rainymodel-alerts.yml'))).toThrow();
  });

  it('every rule and dashboard query is valid PromQL naming only metrics a real rmctl serve exports', async () => {
    const dir = tempDir();
    expect((await monitoring(['--out', dir])).code).toBe(0);
    const exprs = dashboardExprs(dir);
    expect(exprs.length).toBeGreaterThan(15);
    // Grafana's $__rate_interval is not PromQL: promtool checks each query as a recording rule with a window.
    const recording = { groups: [{ name: 'dashboard', rules: exprs.map((expr, i) => ({ record: `dashboard:query_${i}`, expr: expr.replaceAll('$__rate_interval', '5m') })) }] };
    writeFileSync(join(dir, 'dashboard-queries.yml'), stringify(recording));
    const { stdout } = await run('promtool', ['check', 'rules', join(dir, 'dashboard-queries.yml')]);
    expect(stdout).toContain(`SUCCESS: ${exprs.length} rules found`);

    const up = await startUpstream(answers('ok'));
    const serve = await startServe(`model_list:\n  - { model_name: g, litellm_params: { model: openai/m, api_base: ${up.base} } }\n`);
    const exposition = await (await fetch(`${serve.url}/metrics`)).text();
    const exported = new Set(['up']);
    for (const [, name = '', type] of exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
      exported.add(name);
      if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) exported.add(name + suffix);
    }
    const named = new Set([...readRules(dir).map((r) => r.expr), ...exprs].flatMap((e) => [...e.matchAll(/\b(rainymodel_[a-z_]+|up)\{/g)].map((m) => m[1])));
    expect(named.size).toBeGreaterThan(8);
    for (const name of named) expect(exported, `${name} is not exported by rmctl serve`).toContain(name);
  });
});
