// The alerts `rmctl monitoring` ships: one entry per threshold the operators' runbooks wrote down, each a
// PromQL expression over the metrics `rmctl serve` exports (src/proxy/metrics.ts), with its default
// threshold, `for` duration and rate window. Overrides arrive as a Thresholds value (thresholds.ts).

export type AlertKey = 'success-ratio' | 'auth-errors' | 'rate-limited' | 'error-rate' | 'p95-latency' | 'circuit-open' | 'rate-limit-rejections' | 'proxy-down';

/** How a threshold is written on the command line and shown in annotations. */
export type ThresholdUnit = 'ratio' | 'seconds' | 'per-minute' | 'none';

export interface AlertSetting {
  /** The number compared against (a ratio 0-1, seconds, events a minute); unused for unit 'none'. */
  threshold: number;
  /** Prometheus duration the condition must hold before the alert fires. */
  for: string;
  /** Prometheus duration rates are taken over. */
  window: string;
}

export interface AlertSpec {
  key: AlertKey;
  alert: string;
  unit: ThresholdUnit;
  severity: 'warning' | 'critical';
  defaults: AlertSetting;
  /** `sel` is the label matchers every metric selector carries (e.g. `job="rainymodel"`). */
  expr(s: AlertSetting, sel: string): string;
  summary(s: AlertSetting): string;
  description(s: AlertSetting): string;
  action: string;
}

export const METRIC = {
  requests: 'rainymodel_requests_total',
  duration: 'rainymodel_request_duration_seconds',
  upstream: 'rainymodel_upstream_requests_total',
  upstreamLatency: 'rainymodel_upstream_latency_seconds',
  circuit: 'rainymodel_circuit_state',
  rejections: 'rainymodel_rate_limit_rejections_total',
  inFlight: 'rainymodel_in_flight_requests',
  fallbacks: 'rainymodel_fallbacks_total',
  tokens: 'rainymodel_tokens_total',
  overhead: 'rainymodel_proxy_overhead_seconds',
  reloads: 'rainymodel_config_reloads_total',
} as const;

/** `name{sel,extra}` (either part may be empty). */
export function selector(name: string, sel: string, extra = ''): string {
  const matchers = [sel, extra].filter((m) => m !== '').join(',');
  return matchers === '' ? name : `${name}{${matchers}}`;
}

/** Share of a provider's upstream attempts whose outcome matches `outcome` (a label matcher). */
function providerShare(outcome: string, sel: string, window: string): string {
  return [
    `sum by (job, provider) (rate(${selector(METRIC.upstream, sel, outcome)}[${window}]))`,
    '/',
    `sum by (job, provider) (rate(${selector(METRIC.upstream, sel)}[${window}]))`,
  ].join('\n');
}

export function percent(ratio: number): string {
  return `${Math.round(ratio * 10000) / 100}%`;
}

export const ALERTS: readonly AlertSpec[] = [
  {
    key: 'success-ratio',
    alert: 'RainyModelProviderSuccessRatioLow',
    unit: 'ratio',
    severity: 'warning',
    defaults: { threshold: 0.95, for: '10m', window: '5m' },
    expr: (s, sel) => `(\n${providerShare('outcome="success"', sel, s.window)}\n) < ${s.threshold}`,
    summary: (s) => `Provider {{ $labels.provider }}: upstream success ratio under ${percent(s.threshold)} for ${s.for}`,
    description: () => 'Only {{ $value | humanizePercentage }} of the attempts rmctl serve sent to {{ $labels.provider }} succeeded.',
    action: 'Probe it: rmctl doctor --provider {{ $labels.provider }}; see the failures by outcome in rmctl status.',
  },
  {
    key: 'auth-errors',
    alert: 'RainyModelProviderAuthErrors',
    unit: 'ratio',
    severity: 'warning',
    defaults: { threshold: 0.02, for: '5m', window: '5m' },
    expr: (s, sel) => `(\n${providerShare('outcome=~"401|403"', sel, s.window)}\n) > ${s.threshold}`,
    summary: (s) => `Provider {{ $labels.provider }}: 401/403 answers over ${percent(s.threshold)} for ${s.for}`,
    description: () => '{{ $value | humanizePercentage }} of the attempts sent to {{ $labels.provider }} were refused as unauthorized or forbidden.',
    action: 'A key was revoked or expired: rmctl doctor --provider {{ $labels.provider }} names the deployment whose key is refused.',
  },
  {
    key: 'rate-limited',
    alert: 'RainyModelProviderRateLimited',
    unit: 'ratio',
    severity: 'warning',
    defaults: { threshold: 0.05, for: '5m', window: '5m' },
    expr: (s, sel) => `(\n${providerShare('outcome="429"', sel, s.window)}\n) > ${s.threshold}`,
    summary: (s) => `Provider {{ $labels.provider }}: 429 answers over ${percent(s.threshold)} for ${s.for}`,
    description: () => '{{ $value | humanizePercentage }} of the attempts sent to {{ $labels.provider }} were rate limited (quota pressure).',
    action: 'Add capacity (another key or provider) or lower concurrency; shift traffic with a policy.',
  },
  {
    key: 'error-rate',
    alert: 'RainyModelErrorRateHigh',
    unit: 'ratio',
    severity: 'warning',
    defaults: { threshold: 0.1, for: '5m', window: '5m' },
    expr: (s, sel) =>
      `(\nsum by (job) (rate(${selector(METRIC.requests, sel, 'status=~"5.."')}[${s.window}]))\n/\nsum by (job) (rate(${selector(METRIC.requests, sel)}[${s.window}]))\n) > ${s.threshold}`,
    summary: (s) => `rmctl serve answers over ${percent(s.threshold)} of requests with a 5xx for ${s.for}`,
    description: () => '{{ $value | humanizePercentage }} of client requests ended in 502 (all upstreams failed) or 503 (no healthy deployment).',
    action: 'rmctl status shows which deployments fail and why; rmctl doctor probes them.',
  },
  {
    key: 'p95-latency',
    alert: 'RainyModelLatencyP95High',
    unit: 'seconds',
    severity: 'warning',
    defaults: { threshold: 5, for: '5m', window: '5m' },
    expr: (s, sel) => `histogram_quantile(0.95,\nsum by (job, model_group, le) (rate(${selector(`${METRIC.duration}_bucket`, sel)}[${s.window}]))\n) > ${s.threshold}`,
    summary: (s) => `Model group {{ $labels.model_group }}: p95 latency over ${s.threshold}s for ${s.for}`,
    description: () => 'p95 time until the response started is {{ $value | humanizeDuration }} for {{ $labels.model_group }}.',
    action: 'rmctl status shows latency per deployment; rmctl doctor measures each upstream directly.',
  },
  {
    key: 'circuit-open',
    alert: 'RainyModelCircuitOpen',
    unit: 'none',
    severity: 'warning',
    defaults: { threshold: 0, for: '1m', window: '5m' },
    expr: (_s, sel) => `count by (job, model_group, deployment, provider) (${selector(METRIC.circuit, sel)} == 1) > 0`,
    summary: (s) => `Deployment {{ $labels.deployment }} ({{ $labels.provider }}): circuit open for ${s.for}`,
    description: () => 'rmctl serve keeps {{ $labels.deployment }} of {{ $labels.model_group }} cooled down after repeated failures; its traffic falls back.',
    action: 'rmctl status shows the cooldown left and the last error; rmctl doctor --provider {{ $labels.provider }} probes it.',
  },
  {
    key: 'rate-limit-rejections',
    alert: 'RainyModelRateLimitRejections',
    unit: 'per-minute',
    severity: 'warning',
    defaults: { threshold: 100, for: '1m', window: '2m' },
    expr: (s, sel) => `sum by (job, scope) (rate(${selector(METRIC.rejections, sel)}[${s.window}])) * 60 > ${s.threshold}`,
    summary: (s) => `More than ${s.threshold} requests a minute refused by a rate limit (scope {{ $labels.scope }})`,
    description: () => '{{ $value | humanize }} requests a minute are refused by the {{ $labels.scope }} rate limit.',
    action: 'Review rainymodel.rate_limit (scope key) or the deployments\' rpm/tpm (scope deployment); rmctl status shows use per key.',
  },
  {
    key: 'proxy-down',
    alert: 'RainyModelDown',
    unit: 'none',
    severity: 'critical',
    defaults: { threshold: 0, for: '1m', window: '5m' },
    expr: (_s, sel) => `${selector('up', sel)} == 0`,
    summary: (s) => `rmctl serve at {{ $labels.instance }} has not answered a scrape for ${s.for}`,
    description: () => 'Prometheus cannot scrape /metrics of {{ $labels.instance }} (job {{ $labels.job }}).',
    action: 'systemctl status <unit>; journalctl -u <unit>; then rmctl doctor for the upstreams.',
  },
];

export function alertByKey(key: string): AlertSpec | undefined {
  return ALERTS.find((a) => a.key === key);
}
