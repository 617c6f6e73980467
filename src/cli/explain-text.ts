// `rmctl explain` for people: one model's try order per policy, or every public name as a table.
import type { ExplainedGroup, ModelExplanation, NameSummary } from '../proxy/explain.js';
import { alignColumns as columns } from './table.js';

function groupLines(g: ExplainedGroup): string[] {
  const head = g.role === 'requested' ? `  group ${g.group} (${g.strategy})` : `  then fallback group ${g.group} (${g.strategy})`;
  const rows = g.tries.map((t) => [`    ${t.step}.`, t.tier, t.provider, t.model, t.pick, t.id]);
  const lines = [head, ...(rows.length > 0 ? columns(rows) : ['    (nothing to try)'])];
  for (const s of g.skipped) lines.push(`    skipped  ${s.id}: ${s.reason}`);
  return lines;
}

export function explanationText(e: ModelExplanation): string[] {
  const via = e.viaAlias ? ` (alias of ${e.group})` : e.group !== e.model ? ` (group ${e.group})` : '';
  const budget = e.attemptsPerTier === null ? 'every deployment may be tried' : `at most ${e.attemptsPerTier} attempts per tier (num_retries + 1)`;
  const lines = [`${e.model}${via}: ${e.endpoint} requests; ${budget}`];
  for (const p of e.policies) {
    lines.push('', `policy ${p.policy}${p.isDefault ? ' (default)' : ''}: ${p.tiers.join(' > ')}`);
    for (const g of p.groups) lines.push(...groupLines(g));
  }
  return lines;
}

export function summaryText(rows: readonly NameSummary[], defaultPolicy: string): string[] {
  const table = [['NAME', 'GROUP', 'ACTIVE', 'TIERS', `FIRST TRY (${defaultPolicy})`, 'FALLBACKS']];
  for (const r of rows) {
    const tiers = Object.entries(r.tiers).map(([t, n]) => `${t}:${n}`).join(' ') || '-';
    table.push([r.name, r.group, `${r.active}/${r.deployments}`, tiers, r.first.join(' | ') || '-', r.fallbacks.join(', ') || '-']);
  }
  return columns(table);
}
