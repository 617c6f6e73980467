// The plan: what deploying a config changes, in the terms operators think in (model groups and their
// deployments, aliases, settings), with the text diff as supporting detail.
import { createHash } from 'node:crypto';
import { parse } from 'yaml';
import { tierOf, type CompiledConfig, type Deployment } from '../shared/compiled-config.js';
import { unifiedDiff, type LineDiffStats } from './text-diff.js';

export function sha256(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface GroupChange {
  name: string;
  kind: 'added' | 'removed' | 'changed';
  deploymentsBefore: number;
  deploymentsAfter: number;
  /** One line per deployment added (`+`), removed (`-`) or changed (`~`, with the changed fields). */
  details: string[];
}

export interface AliasChange {
  alias: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

export interface Plan {
  unchanged: boolean;
  /** null when nothing is deployed yet. */
  beforeSha256: string | null;
  afterSha256: string;
  groups: GroupChange[];
  aliases: AliasChange[];
  /** Dotted paths of changed settings outside model_list (`router_settings.num_retries`, ...). */
  settings: string[];
  /** Set when the deployed file exists but is not a readable config (hand-edited, truncated...). */
  beforeUnreadable?: string;
  textDiff: string;
  lineStats: LineDiffStats;
}

/** Key order must not count as a change: configs are compared as canonical JSON. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function deploymentKey(d: Deployment, index: number): string {
  const id = d.model_info?.id;
  if (typeof id === 'string' && id !== '') return id;
  const base = typeof d.litellm_params?.api_base === 'string' ? `@${d.litellm_params.api_base}` : '';
  return `${String(d.litellm_params?.model ?? `#${index}`)}${base}`;
}

function describeDeployment(d: Deployment): string {
  const tierName = tierOf(d.model_info);
  const tier = tierName ? ` [${tierName}]` : '';
  // Two deployments of one model on two servers differ only by provider: name it.
  const via = d.model_info?.provider ? ` via ${d.model_info.provider}` : '';
  return `${String(d.litellm_params?.model ?? '?')}${tier}${via}`;
}

/** Dotted paths (down to `depth` levels) where two values differ. */
function changedPaths(before: unknown, after: unknown, prefix: string, depth: number): string[] {
  if (canonical(before) === canonical(after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (depth === 0 || !isObj(before) || !isObj(after)) return [prefix];
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return keys.flatMap((k) => changedPaths(before[k], after[k], prefix ? `${prefix}.${k}` : k, depth - 1));
}

function groupsOf(config: CompiledConfig | undefined): Map<string, Deployment[]> {
  const groups = new Map<string, Deployment[]>();
  for (const d of config?.model_list ?? []) {
    const list = groups.get(d.model_name) ?? [];
    list.push(d);
    groups.set(d.model_name, list);
  }
  return groups;
}

function diffGroups(before: CompiledConfig | undefined, after: CompiledConfig): GroupChange[] {
  const a = groupsOf(before);
  const b = groupsOf(after);
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  const changes: GroupChange[] = [];
  for (const name of names) {
    const da = a.get(name) ?? [];
    const db = b.get(name) ?? [];
    if (da.length === 0) {
      changes.push({
        name,
        kind: 'added',
        deploymentsBefore: 0,
        deploymentsAfter: db.length,
        details: db.map((d) => `+ ${describeDeployment(d)}`),
      });
      continue;
    }
    if (db.length === 0) {
      changes.push({
        name,
        kind: 'removed',
        deploymentsBefore: da.length,
        deploymentsAfter: 0,
        details: da.map((d) => `- ${describeDeployment(d)}`),
      });
      continue;
    }
    const ka = new Map(da.map((d, i) => [deploymentKey(d, i), d]));
    const kb = new Map(db.map((d, i) => [deploymentKey(d, i), d]));
    const details: string[] = [];
    for (const [key, d] of kb) {
      const old = ka.get(key);
      if (!old) details.push(`+ ${describeDeployment(d)}`);
      else {
        const fields = changedPaths(old, d, '', 2);
        if (fields.length > 0) details.push(`~ ${describeDeployment(d)}: ${fields.join(', ')}`);
      }
    }
    for (const [key, d] of ka) if (!kb.has(key)) details.push(`- ${describeDeployment(d)}`);
    // Order matters to the router (deployment order, fallbacks), so a pure reorder is a change too.
    const orderA = [...ka.keys()].join('\n');
    const orderB = [...kb.keys()].join('\n');
    if (details.length === 0 && orderA !== orderB) details.push('~ deployment order');
    if (details.length > 0) {
      changes.push({ name, kind: 'changed', deploymentsBefore: da.length, deploymentsAfter: db.length, details });
    }
  }
  return changes;
}

function diffAliases(before: CompiledConfig | undefined, after: CompiledConfig): AliasChange[] {
  const a = before?.router_settings?.model_group_alias ?? {};
  const b = after.router_settings?.model_group_alias ?? {};
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const out: AliasChange[] = [];
  for (const alias of names) {
    const x = a[alias];
    const y = b[alias];
    if (x === undefined && y !== undefined) out.push({ alias, kind: 'added', after: y });
    else if (y === undefined && x !== undefined) out.push({ alias, kind: 'removed', before: x });
    else if (x !== y) out.push({ alias, kind: 'changed', ...(x !== undefined ? { before: x } : {}), ...(y !== undefined ? { after: y } : {}) });
  }
  return out;
}

function withoutModelsAndAliases(config: CompiledConfig | undefined): Record<string, unknown> {
  if (!config) return {};
  const { model_list: _models, ...rest } = config;
  if (rest.router_settings) {
    const { model_group_alias: _aliases, ...router } = rest.router_settings;
    rest.router_settings = router;
  }
  return rest;
}

/** Parses a deployed file; a reason string instead when it is not a config object. */
export function parseConfigText(text: string): { config?: CompiledConfig; error?: string } {
  let value: unknown;
  try {
    value = parse(text);
  } catch (err) {
    return { error: `not valid YAML: ${err instanceof Error ? (err.message.split('\n')[0] ?? err.message) : String(err)}` };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { error: 'not a YAML mapping' };
  const list = (value as Record<string, unknown>).model_list;
  if (!Array.isArray(list)) return { error: 'has no model_list' };
  return { config: value as CompiledConfig };
}

/** Every name a client may ask for: the model groups and the router's group aliases. */
export function publicModelNames(config: CompiledConfig): string[] {
  const names = new Set<string>();
  for (const d of config.model_list ?? []) if (typeof d.model_name === 'string') names.add(d.model_name);
  for (const alias of Object.keys(config.router_settings?.model_group_alias ?? {})) names.add(alias);
  return [...names].sort();
}

export function makePlan(
  beforeText: string | null,
  afterText: string,
  after: CompiledConfig,
  labels: { before: string; after: string },
): Plan {
  const afterSha256 = sha256(afterText);
  const beforeSha256 = beforeText === null ? null : sha256(beforeText);
  let before: CompiledConfig | undefined;
  let beforeUnreadable: string | undefined;
  if (beforeText !== null) {
    const parsed = parseConfigText(beforeText);
    before = parsed.config;
    beforeUnreadable = parsed.error;
  }
  const { text: textDiff, stats: lineStats } = unifiedDiff(beforeText ?? '', afterText, labels);
  const settings = changedPaths(withoutModelsAndAliases(before), withoutModelsAndAliases(after), '', 2);
  return {
    unchanged: beforeSha256 === afterSha256,
    beforeSha256,
    afterSha256,
    groups: diffGroups(before, after),
    aliases: diffAliases(before, after),
    settings,
    ...(beforeUnreadable ? { beforeUnreadable } : {}),
    textDiff,
    lineStats,
  };
}

/** A one-line summary for the step line: `+1 group, ~2 groups, -0 groups, 3 settings`. */
export function summarizePlan(plan: Plan): string {
  if (plan.unchanged) return 'unchanged';
  const count = (kind: GroupChange['kind']): number => plan.groups.filter((g) => g.kind === kind).length;
  const parts = [`+${count('added')} ~${count('changed')} -${count('removed')} model groups`];
  if (plan.aliases.length > 0) parts.push(`${plan.aliases.length} alias change(s)`);
  if (plan.settings.length > 0) parts.push(`${plan.settings.length} setting(s)`);
  parts.push(`+${plan.lineStats.added}/-${plan.lineStats.removed} lines`);
  if (plan.beforeSha256 === null) parts.push('nothing deployed yet');
  return parts.join(', ');
}
