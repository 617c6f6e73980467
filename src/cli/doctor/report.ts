// What `rmctl doctor` found, per model group and per deployment: a table for people (with the reason under
// every failing line) and one JSON document for machines.
import { alignColumns } from '../table.js';
import type { Check } from './network.js';
import type { DeploymentReport } from './probe.js';

export type GroupStatus = 'ok' | 'degraded' | 'down';

export interface GroupReport {
  group: string;
  status: GroupStatus;
  healthy: number;
  deployments: number;
}

export interface DoctorReport {
  config: string;
  ok: boolean;
  groups: GroupReport[];
  deployments: DeploymentReport[];
}

export function summarize(config: string, deployments: DeploymentReport[]): DoctorReport {
  const byGroup = new Map<string, DeploymentReport[]>();
  for (const d of deployments) byGroup.set(d.group, [...(byGroup.get(d.group) ?? []), d]);
  const groups: GroupReport[] = [...byGroup].map(([group, list]) => {
    const healthy = list.filter((d) => d.status !== 'fail').length;
    return { group, healthy, deployments: list.length, status: healthy === list.length ? 'ok' : healthy === 0 ? 'down' : 'degraded' };
  });
  return { config, ok: groups.every((g) => g.status === 'ok'), groups, deployments };
}

function reachCell(d: DeploymentReport): string {
  const { dns, tcp, tls } = d.reach;
  if (d.config.status === 'fail') return 'not served';
  if (dns.status === 'fail') return 'DNS fail';
  if (tcp.status === 'fail') return 'TCP fail';
  if (tls.status === 'fail') return 'TLS fail';
  const ms = (dns.ms ?? 0) + (tcp.ms ?? 0) + (tls.ms ?? 0);
  return `ok ${Math.round(ms)}ms${tls.status === 'ok' ? ' tls' : ''}`;
}

function cell(c: Check): string {
  return c.status === 'skip' ? '-' : c.status;
}

const CHECKS: Array<[string, (d: DeploymentReport) => Check]> = [
  ['config', (d) => d.config],
  ['dns', (d) => d.reach.dns],
  ['tcp', (d) => d.reach.tcp],
  ['tls', (d) => d.reach.tls],
  ['key', (d) => d.key],
  ['model', (d) => d.model_offered],
  ['completion', (d) => d.completion],
];

export function renderText(report: DoctorReport, completion: boolean): string {
  const head = ['GROUP', 'DEPLOYMENT', 'PROVIDER', 'REACH', 'KEY', 'MODEL', 'LATENCY', ...(completion ? ['COMPLETION'] : []), 'RESULT'];
  const rows = [head];
  const notes: string[][] = [];
  for (const d of report.deployments) {
    rows.push([d.group, d.deployment, d.provider, reachCell(d), cell(d.key), cell(d.model_offered), d.latency_ms === undefined ? '-' : `${d.latency_ms}ms`, ...(completion ? [cell(d.completion)] : []), d.status.toUpperCase()]);
    notes.push(CHECKS.filter(([, get]) => get(d).status === 'fail' || get(d).status === 'warn').map(([name, get]) => `${name}: ${get(d).detail}`));
  }
  const [header = '', ...body] = alignColumns(rows);
  const out = [header];
  body.forEach((line, i) => {
    out.push(line);
    for (const n of notes[i] ?? []) out.push(`    ${n}`);
  });
  out.push('');
  for (const g of report.groups) out.push(`group ${g.group}: ${g.status} (${g.healthy}/${g.deployments} deployments usable)`);
  const broken = report.groups.filter((g) => g.status !== 'ok').length;
  out.push(broken === 0 ? `all ${report.groups.length} groups healthy` : `${broken} of ${report.groups.length} groups depend on something broken`);
  return out.join('\n');
}
