// `rmctl status` as text, like `top`: a summary line, then deployments, providers, keys and the last
// errors from one /status/json document.
import { alignColumns } from '../table.js';

interface Figures {
  requests: number;
  s401: number;
  s403: number;
  s429: number;
  success_ratio: number | null;
  p50_ms: number | null;
  p99_ms: number | null;
}

export interface StatusDocument {
  generated_at: string;
  uptime_s: number;
  in_flight: number;
  config: { path: string; sha256: string | null; loaded_at: string; model_groups: number; deployments: number };
  deployments: Array<{ id: string; provider: string; circuit: string; cooldown_remaining_ms: number; in_flight: number; last_error: string | null; '1m': Figures; '10m': Figures }>;
  providers: Array<{ provider: string; circuits: Record<string, number>; '1m': Figures; '10m': Figures }>;
  keys: Array<{ key: string; requests: number; rpm: number | null; tokens: number; tpm: number | null; use: number }>;
  last_errors: Array<{ at: string; deployment: string; provider: string; status: number | null; reason: string }>;
}

const pct = (r: number | null): string => (r === null ? '-' : `${Math.round(r * 1000) / 10}%`);
const ms = (v: number | null): string => (v === null ? '-' : v >= 1000 ? `${(v / 1000).toFixed(1)}s` : `${v}ms`);
const secs = (v: number): string => (v > 0 ? `${Math.ceil(v / 1000)}s` : '-');

export function renderStatus(url: string, s: StatusDocument): string {
  const sha = s.config.sha256 ? s.config.sha256.slice(0, 12) : 'unknown';
  const out = [
    `rmctl serve ${url}  config ${sha} (${s.config.path}) loaded ${s.config.loaded_at}  up ${s.uptime_s}s  in flight ${s.in_flight}  at ${s.generated_at}`,
    '',
    ...alignColumns([
      ['DEPLOYMENT', 'PROVIDER', 'CIRCUIT', 'COOLDOWN', 'INFL', 'REQ/1m', 'OK/1m', '401', '403', '429', 'P50/1m', 'P99/1m', 'REQ/10m', 'OK/10m', 'P50/10m', 'P99/10m'],
      ...s.deployments.map((d) => {
        const m1 = d['1m'];
        const m10 = d['10m'];
        return [d.id, d.provider, d.circuit.replace('_', '-'), secs(d.cooldown_remaining_ms), String(d.in_flight), String(m1.requests), pct(m1.success_ratio), String(m10.s401), String(m10.s403), String(m10.s429), ms(m1.p50_ms), ms(m1.p99_ms), String(m10.requests), pct(m10.success_ratio), ms(m10.p50_ms), ms(m10.p99_ms)];
      }),
    ]),
    '',
    ...alignColumns([
      ['PROVIDER', 'REQ/1m', 'OK/1m', 'REQ/10m', 'OK/10m', '401+403/10m', '429/10m', 'P50/10m', 'P99/10m', 'CIRCUITS'],
      ...s.providers.map((p) => {
        const circuits = Object.entries(p.circuits).filter(([, n]) => n > 0).map(([state, n]) => `${n} ${state.replace('_', '-')}`).join(', ');
        return [p.provider, String(p['1m'].requests), pct(p['1m'].success_ratio), String(p['10m'].requests), pct(p['10m'].success_ratio), String(p['10m'].s401 + p['10m'].s403), String(p['10m'].s429), ms(p['10m'].p50_ms), ms(p['10m'].p99_ms), circuits || '-'];
      }),
    ]),
  ];
  if (s.keys.length > 0) {
    out.push('', ...alignColumns([['KEY', 'REQUESTS', 'RPM', 'TOKENS', 'TPM', 'USE'], ...s.keys.map((k) => [k.key, String(k.requests), k.rpm === null ? '-' : String(k.rpm), String(k.tokens), k.tpm === null ? '-' : String(k.tpm), pct(k.use)])]));
  }
  out.push('', s.last_errors.length === 0 ? 'LAST ERRORS: none' : 'LAST ERRORS');
  for (const e of s.last_errors.slice(0, 10)) out.push(`  ${e.at}  ${e.deployment} (${e.provider})  ${e.reason}${e.status ? ` HTTP ${e.status}` : ''}`);
  return out.join('\n');
}
