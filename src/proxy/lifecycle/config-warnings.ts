// The config warnings serve logs when a table loads, grouped: deployments disabled for the same reason are
// one line naming them all, and every deployment disabled for unset variables is one line counting them
// per variable (the example with no keys set: 1 line, not 25).
import type { RouteTable } from '../table.js';

export interface ConfigWarning {
  msg: string;
  fields: Record<string, unknown>;
}

const UNSET = /^environment variables? (.+) not set$/;

export function groupConfigWarnings(table: Pick<RouteTable, 'warnings' | 'deployments'>): ConfigWarning[] {
  const perDeployment = new Set<string>();
  const byReason = new Map<string, string[]>();
  const byVariable = new Map<string, string[]>();
  let unsetCount = 0;
  for (const d of table.deployments) {
    if (!d.disabledReason) continue;
    perDeployment.add(`deployment ${d.id} disabled: ${d.disabledReason}`);
    const unset = UNSET.exec(d.disabledReason);
    if (unset?.[1]) {
      unsetCount++;
      for (const variable of unset[1].split(', ')) byVariable.set(variable, [...(byVariable.get(variable) ?? []), d.id]);
    } else {
      byReason.set(d.disabledReason, [...(byReason.get(d.disabledReason) ?? []), d.id]);
    }
  }
  const out: ConfigWarning[] = [];
  if (unsetCount > 0) {
    const counts = [...byVariable].map(([v, ids]) => `${v} (${ids.length})`).join(', ');
    out.push({
      msg: `${unsetCount} of ${table.deployments.length} deployments disabled: environment variables not set: ${counts}`,
      fields: { unset: Object.fromEntries(byVariable) },
    });
  }
  for (const [reason, ids] of byReason) {
    out.push({ msg: `${ids.length} deployment${ids.length === 1 ? '' : 's'} disabled: ${reason}`, fields: { deployments: ids } });
  }
  for (const w of table.warnings) if (!perDeployment.has(w)) out.push({ msg: w, fields: {} });
  return out;
}
