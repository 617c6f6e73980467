// Turns real scrapes of a real `rmctl serve` /metrics into `promtool test rules` input: each scrape is one
// sample (one evaluation interval apart), labelled with job and instance as Prometheus labels a target,
// plus the `up` series Prometheus itself writes (1 when the scrape answered, 0 when it failed).
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, stringify } from 'yaml';
import { onCleanup } from '../../proxy/helpers.js';

const run = promisify(execFile);

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function unescapeLabel(v: string): string {
  return v.replace(/\\(["\\n])/g, (_m, c: string) => (c === 'n' ? '\n' : c));
}

/** Prometheus text exposition format (version 0.0.4): samples only, comments skipped. */
export function parseExposition(text: string): Sample[] {
  const out: Sample[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const m = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)(?:\s+\d+)?$/.exec(line);
    if (!m) throw new Error(`unparsable exposition line: ${line}`);
    const labels: Record<string, string> = {};
    // Both groups of a label, and the name and value of a sample, are not optional: a match has them.
    for (const [, label = '', value = ''] of (m[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) labels[label] = unescapeLabel(value);
    const [, name = '', , raw] = m;
    out.push({ name, labels, value: raw === '+Inf' ? Infinity : raw === '-Inf' ? -Infinity : Number(raw) });
  }
  return out;
}

function seriesKey(name: string, labels: Record<string, string>): string {
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`);
  return `${name}{${parts.join(',')}}`;
}

export class ScrapeRecorder {
  /** series selector -> value per scrape (undefined: absent from that scrape). */
  private readonly series = new Map<string, Array<number | undefined>>();
  private scrapes = 0;

  constructor(
    private readonly job: string,
    private readonly instance: string,
  ) {}

  get count(): number {
    return this.scrapes;
  }

  private record(name: string, labels: Record<string, string>, value: number): void {
    const key = seriesKey(name, { ...labels, job: this.job, instance: this.instance });
    let values = this.series.get(key);
    if (!values) {
      values = [];
      this.series.set(key, values);
    }
    values[this.scrapes] = value;
  }

  /** Scrapes url/metrics once; a refused or failed scrape records up=0 and nothing else, as Prometheus does. */
  async scrape(url: string): Promise<boolean> {
    let text: string | undefined;
    try {
      const res = await fetch(`${url}/metrics`);
      if (res.ok) text = await res.text();
    } catch {
      text = undefined;
    }
    if (text !== undefined) {
      for (const s of parseExposition(text)) {
        // The process metrics say nothing about the rules under test; leaving them out keeps files small.
        if (s.name.startsWith('rainymodel_process_')) continue;
        this.record(s.name, s.labels, s.value);
      }
    }
    this.record('up', {}, text === undefined ? 0 : 1);
    this.scrapes++;
    return text !== undefined;
  }

  /** promtool input_series: absent samples are `_`, NaN is written as promtool reads it. */
  inputSeries(): Array<{ series: string; values: string }> {
    const out: Array<{ series: string; values: string }> = [];
    for (const [series, values] of this.series) {
      const cells: string[] = [];
      for (let i = 0; i < this.scrapes; i++) {
        const v = values[i];
        cells.push(v === undefined ? '_' : Number.isNaN(v) ? 'NaN' : v === Infinity ? 'Inf' : String(v));
      }
      out.push({ series, values: cells.join(' ') });
    }
    return out;
  }

  /** The last value of the first series whose selector contains every fragment (for assertions on the scrape itself). */
  last(...fragments: string[]): number | undefined {
    for (const [series, values] of this.series) {
      if (fragments.every((f) => series.includes(f))) return values[this.scrapes - 1];
    }
    return undefined;
  }
}

export interface AlertExpectation {
  alertname: string;
  /** Labels of every alert expected to fire at evalMinutes (alertname is added by promtool); [] for none. */
  alerts: Array<Record<string, string>>;
  evalMinutes: number;
}

/**
 * Runs `promtool test rules` on the given rule document (annotations dropped: they render $value, which
 * the expectations would have to restate digit for digit; `promtool check rules` covers their templates)
 * against the recorded series. Resolves with promtool's output; rejects with it when a test fails.
 */
export async function promtoolTest(rules: unknown, recorder: ScrapeRecorder, expectations: AlertExpectation[], intervalMinutes = 1): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rm-promtool-'));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  const doc = parse(stringify(rules)) as { groups: Array<{ rules: Array<Record<string, unknown>> }> };
  for (const g of doc.groups) for (const r of g.rules) delete r.annotations;
  writeFileSync(join(dir, 'rules.yml'), stringify(doc));
  const test = {
    rule_files: ['rules.yml'],
    evaluation_interval: '1m',
    tests: [
      {
        interval: `${intervalMinutes}m`,
        input_series: recorder.inputSeries(),
        alert_rule_test: expectations.map((e) => ({ eval_time: `${e.evalMinutes}m`, alertname: e.alertname, exp_alerts: e.alerts.map((labels) => ({ exp_labels: labels })) })),
      },
    ],
  };
  writeFileSync(join(dir, 'test.yml'), stringify(test, { lineWidth: 0 }));
  try {
    const { stdout, stderr } = await run('promtool', ['test', 'rules', 'test.yml'], { cwd: dir });
    return stdout + stderr;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`promtool test rules failed:\n${e.stdout ?? ''}${e.stderr ?? e.message}`);
  }
}
