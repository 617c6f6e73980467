// The Grafana dashboard `rmctl monitoring` writes: the same metrics and thresholds as the alert rules,
// laid out for an operator (health at a glance, then per-provider ratios, latency, circuits, limits).
// Panels pick their data source from a `datasource` variable, so the file works both imported through
// the UI and provisioned from disk.
import { METRIC, selector } from './alerts.js';
import type { Settings } from './thresholds.js';

type Unit = 'percentunit' | 's' | 'reqps' | 'short' | 'none';

interface Target {
  expr: string;
  legendFormat: string;
}

interface PanelSpec {
  title: string;
  type: 'timeseries' | 'stat' | 'state-timeline';
  w: number;
  h: number;
  unit: Unit;
  targets: Target[];
  /** Red from this value up (or below it, with `below`). */
  threshold?: number;
  below?: boolean;
  description?: string;
  max?: number;
  mappings?: unknown[];
}

const DATASOURCE = { type: 'prometheus', uid: '${datasource}' };
const RATE = '$__rate_interval';

function t(expr: string, legendFormat = ''): Target {
  return { expr, legendFormat };
}

function steps(p: PanelSpec): unknown {
  if (p.threshold === undefined) return { mode: 'absolute', steps: [{ color: 'green', value: null }] };
  return p.below
    ? { mode: 'absolute', steps: [{ color: 'red', value: null }, { color: 'green', value: p.threshold }] }
    : { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'red', value: p.threshold }] };
}

function panel(p: PanelSpec, id: number, x: number, y: number): Record<string, unknown> {
  const custom = p.type === 'timeseries' ? { drawStyle: 'line', lineWidth: 1, fillOpacity: 10, showPoints: 'never', thresholdsStyle: { mode: p.threshold === undefined ? 'off' : 'line' } } : {};
  return {
    id,
    type: p.type,
    title: p.title,
    description: p.description ?? '',
    datasource: DATASOURCE,
    gridPos: { h: p.h, w: p.w, x, y },
    fieldConfig: {
      defaults: { unit: p.unit, min: 0, ...(p.max !== undefined ? { max: p.max } : {}), thresholds: steps(p), mappings: p.mappings ?? [], custom, color: { mode: p.type === 'timeseries' ? 'palette-classic' : 'thresholds' } },
      overrides: [],
    },
    options: p.type === 'stat' ? { reduceOptions: { calcs: ['lastNotNull'], fields: '', values: false }, colorMode: 'background', graphMode: 'area', textMode: 'auto' } : { legend: { displayMode: 'list', placement: 'bottom', showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    targets: p.targets.map((target, i) => ({ ...target, refId: String.fromCharCode(65 + i), datasource: DATASOURCE })),
  };
}

function providerShare(outcome: string, sel: string): string {
  return `sum by (provider) (rate(${selector(METRIC.upstream, sel, outcome)}[${RATE}])) / sum by (provider) (rate(${selector(METRIC.upstream, sel)}[${RATE}]))`;
}

function quantile(q: number, metric: string, by: string, sel: string): string {
  return `histogram_quantile(${q}, sum by (${by}, le) (rate(${selector(`${metric}_bucket`, sel)}[${RATE}])))`;
}

/** Every panel, in reading order; each row's widths add up to 24. */
export function panelSpecs(s: Settings, sel: string): PanelSpec[][] {
  const circuitMappings = [{ type: 'value', options: { '0': { text: 'closed', color: 'green' }, '1': { text: 'open', color: 'red' }, '2': { text: 'half-open', color: 'orange' } } }];
  return [
    [
      { title: 'Up', type: 'stat', w: 4, h: 4, unit: 'none', targets: [t(`min(${selector('up', sel)})`)], threshold: 1, below: true, mappings: [{ type: 'value', options: { '0': { text: 'DOWN', color: 'red' }, '1': { text: 'UP', color: 'green' } } }] },
      { title: 'Requests/s', type: 'stat', w: 4, h: 4, unit: 'reqps', targets: [t(`sum(rate(${selector(METRIC.requests, sel)}[${RATE}]))`)] },
      { title: 'Error rate (5xx)', type: 'stat', w: 4, h: 4, unit: 'percentunit', targets: [t(`sum(rate(${selector(METRIC.requests, sel, 'status=~"5.."')}[${RATE}])) / sum(rate(${selector(METRIC.requests, sel)}[${RATE}]))`)], threshold: s['error-rate'].threshold },
      { title: 'p95 latency', type: 'stat', w: 4, h: 4, unit: 's', targets: [t(quantile(0.95, METRIC.duration, 'job', sel))], threshold: s['p95-latency'].threshold },
      { title: 'Open circuits', type: 'stat', w: 4, h: 4, unit: 'none', targets: [t(`count(${selector(METRIC.circuit, sel)} == 1) or vector(0)`)], threshold: 1 },
      { title: 'In flight', type: 'stat', w: 4, h: 4, unit: 'none', targets: [t(`sum(${selector(METRIC.inFlight, sel)})`)] },
    ],
    [
      { title: 'Client requests by status', type: 'timeseries', w: 12, h: 8, unit: 'reqps', targets: [t(`sum by (status) (rate(${selector(METRIC.requests, sel)}[${RATE}]))`, '{{status}}')] },
      { title: 'Client error rate (5xx share)', type: 'timeseries', w: 12, h: 8, unit: 'percentunit', targets: [t(`sum by (model_group) (rate(${selector(METRIC.requests, sel, 'status=~"5.."')}[${RATE}])) / sum by (model_group) (rate(${selector(METRIC.requests, sel)}[${RATE}]))`, '{{model_group}}')], threshold: s['error-rate'].threshold },
    ],
    [
      { title: 'Provider success ratio', type: 'timeseries', w: 8, h: 8, unit: 'percentunit', max: 1, targets: [t(providerShare('outcome="success"', sel), '{{provider}}')], threshold: s['success-ratio'].threshold, below: true },
      { title: 'Provider 401/403 share', type: 'timeseries', w: 8, h: 8, unit: 'percentunit', targets: [t(providerShare('outcome=~"401|403"', sel), '{{provider}}')], threshold: s['auth-errors'].threshold },
      { title: 'Provider 429 share', type: 'timeseries', w: 8, h: 8, unit: 'percentunit', targets: [t(providerShare('outcome="429"', sel), '{{provider}}')], threshold: s['rate-limited'].threshold },
    ],
    [
      { title: 'Latency by model group (p50, p95, p99)', type: 'timeseries', w: 12, h: 8, unit: 's', targets: [0.5, 0.95, 0.99].map((q) => t(quantile(q, METRIC.duration, 'model_group', sel), `{{model_group}} p${Math.round(q * 100)}`)), threshold: s['p95-latency'].threshold },
      { title: 'Upstream latency p95 by deployment', type: 'timeseries', w: 12, h: 8, unit: 's', targets: [t(quantile(0.95, METRIC.upstreamLatency, 'deployment', sel), '{{deployment}}')] },
    ],
    [
      { title: 'Circuits', type: 'state-timeline', w: 12, h: 8, unit: 'none', targets: [t(`max by (deployment) (${selector(METRIC.circuit, sel)})`, '{{deployment}}')], mappings: circuitMappings },
      { title: 'Upstream attempts by provider and outcome', type: 'timeseries', w: 12, h: 8, unit: 'reqps', targets: [t(`sum by (provider, outcome) (rate(${selector(METRIC.upstream, sel)}[${RATE}]))`, '{{provider}} {{outcome}}')] },
    ],
    [
      { title: 'Rate-limit rejections a minute', type: 'timeseries', w: 8, h: 8, unit: 'short', targets: [t(`sum by (scope) (rate(${selector(METRIC.rejections, sel)}[${RATE}])) * 60`, '{{scope}}')], threshold: s['rate-limit-rejections'].threshold },
      { title: 'Fallbacks by reason', type: 'timeseries', w: 8, h: 8, unit: 'reqps', targets: [t(`sum by (reason) (rate(${selector(METRIC.fallbacks, sel)}[${RATE}]))`, '{{reason}}')] },
      { title: 'Tokens/s', type: 'timeseries', w: 8, h: 8, unit: 'short', targets: [t(`sum by (type) (rate(${selector(METRIC.tokens, sel)}[${RATE}]))`, '{{type}}')] },
    ],
    [
      { title: 'Proxy overhead p99', type: 'timeseries', w: 12, h: 8, unit: 's', targets: [t(quantile(0.99, METRIC.overhead, 'job', sel), 'p99')] },
      { title: 'Config reloads', type: 'timeseries', w: 12, h: 8, unit: 'short', targets: [t(`sum by (result) (increase(${selector(METRIC.reloads, sel)}[${RATE}]))`, '{{result}}')] },
    ],
  ];
}

export function buildDashboard(s: Settings, sel: string): Record<string, unknown> {
  const panels: Array<Record<string, unknown>> = [];
  let y = 0;
  for (const row of panelSpecs(s, sel)) {
    let x = 0;
    for (const p of row) {
      panels.push(panel(p, panels.length + 1, x, y));
      x += p.w;
    }
    y += Math.max(...row.map((p) => p.h));
  }
  return {
    uid: 'rainymodel-serve',
    title: 'RainyModel: rmctl serve',
    description: 'Written by `rmctl monitoring`; thresholds match the alert rules written with it.',
    tags: ['rainymodel'],
    editable: true,
    schemaVersion: 39,
    version: 1,
    refresh: '30s',
    time: { from: 'now-3h', to: 'now' },
    timezone: 'browser',
    templating: { list: [{ name: 'datasource', label: 'Prometheus', type: 'datasource', query: 'prometheus', current: {}, hide: 0 }] },
    annotations: { list: [] },
    panels,
  };
}
