// Deploy settings: the `deploy:` section of `rmctl.config.yaml` (in the current directory, or --settings FILE),
// so that a team runs plain `rmctl apply --backup`. Flags override the file; the file overrides defaults.
// Relative paths in the file are relative to the file's directory, relative flags to the current directory.
// A missing settings file is fine (defaults + flags); a broken one is a user mistake and gives diagnostics.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { LineCounter, isMap, isPair, isScalar, parseDocument, type Node as YamlNode } from 'yaml';
import type { Diagnostic } from '../shared/diagnostics.js';
import { didYouMean } from '../shared/suggest.js';

export const SETTINGS_FILE = 'rmctl.config.yaml';

export interface DeploySettings {
  /** The settings file that was read, if any. */
  file: string | null;
  providers: string;
  mappings: string;
  /** The compiled file in the repository (`rmctl rollback --compiled` reads it at a commit). */
  compiled: string;
  /** The deployed config the proxy loads. Required to deploy. */
  target?: string;
  /** systemd unit to restart or reload; none: only the file is written. */
  service?: string;
  scope: 'user' | 'system';
  mode: 'restart' | 'reload';
  baseUrl: string;
  /** Defaults to `<baseUrl>/health/readiness` (cheap, unlike LiteLLM's /health which calls every upstream). */
  healthUrl: string;
  timeoutSeconds: number;
  canary?: string;
  backup: boolean;
  backupDir: string;
  keepBackups: number;
  auditLog: string;
  lockWaitSeconds: number;
}

/** Flag values as commander gives them (all optional). */
export interface SettingsOverrides {
  providers?: string;
  mappings?: string;
  compiled?: string;
  target?: string;
  service?: string;
  scope?: 'user' | 'system';
  mode?: 'restart' | 'reload';
  baseUrl?: string;
  healthUrl?: string;
  timeoutSeconds?: number;
  canary?: string;
  backup?: boolean;
  backupDir?: string;
  keepBackups?: number;
  auditLog?: string;
  lockWaitSeconds?: number;
}

type Kind = 'path' | 'string' | 'number' | 'boolean' | 'scope' | 'mode' | 'url';

const KEYS: Record<string, { field: keyof SettingsOverrides; kind: Kind }> = {
  providers: { field: 'providers', kind: 'path' },
  mappings: { field: 'mappings', kind: 'path' },
  compiled: { field: 'compiled', kind: 'path' },
  target: { field: 'target', kind: 'path' },
  service: { field: 'service', kind: 'string' },
  scope: { field: 'scope', kind: 'scope' },
  mode: { field: 'mode', kind: 'mode' },
  base_url: { field: 'baseUrl', kind: 'url' },
  health_url: { field: 'healthUrl', kind: 'url' },
  timeout: { field: 'timeoutSeconds', kind: 'number' },
  canary: { field: 'canary', kind: 'string' },
  backup: { field: 'backup', kind: 'boolean' },
  backup_dir: { field: 'backupDir', kind: 'path' },
  keep_backups: { field: 'keepBackups', kind: 'number' },
  audit_log: { field: 'auditLog', kind: 'path' },
  lock_wait: { field: 'lockWaitSeconds', kind: 'number' },
};

/** Reads the `deploy:` section; fields are returned as overrides (paths made absolute). */
export function readSettingsFile(file: string): { values: SettingsOverrides; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const values: SettingsOverrides = {};
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    diagnostics.push({ code: 'settings/unreadable', severity: 'error', message: `cannot read ${file}: ${(err as Error).message}`, file, line: 0, col: 0, pointer: '' });
    return { values, diagnostics };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true });
  const at = (node: YamlNode | null | undefined): { line: number; col: number } =>
    node?.range ? lineCounter.linePos(node.range[0]) : { line: 1, col: 1 };
  const add = (severity: Diagnostic['severity'], code: string, message: string, node: YamlNode | null | undefined, pointer: string, hint?: string): void => {
    diagnostics.push({ code, severity, message, file, ...at(node), pointer, ...(hint ? { hint } : {}) });
  };
  for (const e of doc.errors) {
    const pos = lineCounter.linePos(e.pos[0]);
    diagnostics.push({ code: 'yaml/syntax', severity: 'error', message: e.message.split('\n')[0] ?? e.message, file, line: pos.line, col: pos.col, pointer: '' });
  }
  if (doc.errors.length > 0) return { values, diagnostics };
  if (doc.contents === null) return { values, diagnostics };
  if (!isMap(doc.contents)) {
    add('error', 'settings/type', 'the settings file must be a mapping with a `deploy:` section', doc.contents, '');
    return { values, diagnostics };
  }
  const section = doc.contents.get('deploy', true) as YamlNode | undefined;
  if (section === undefined || (isScalar(section) && section.value === null)) return { values, diagnostics };
  if (!isMap(section)) {
    add('error', 'settings/type', '`deploy` must be a mapping', section, '/deploy');
    return { values, diagnostics };
  }
  const base = dirname(resolve(file));
  for (const pair of section.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const pointer = `/deploy/${key}`;
    const spec = KEYS[key];
    const node = pair.value as YamlNode | null;
    if (!spec) {
      const guess = didYouMean(key, Object.keys(KEYS));
      add('warning', 'settings/unknown-key', `unknown deploy setting "${key}"${guess ? `; did you mean "${guess}"?` : ''}`, pair.key as YamlNode, pointer);
      continue;
    }
    const value: unknown = isScalar(node) ? node.value : undefined;
    if (value === null) continue; // `canary:` with nothing after it means "not set"
    const bad = (expected: string): void => add('error', 'settings/type', `deploy.${key} must be ${expected}, got ${JSON.stringify(value ?? '(a collection)')}`, node, pointer);
    switch (spec.kind) {
      case 'path':
      case 'string':
        if (typeof value !== 'string' || value === '') bad('a non-empty string');
        else (values as Record<string, unknown>)[spec.field] = spec.kind === 'path' ? resolve(base, value) : value;
        break;
      case 'url':
        if (typeof value !== 'string' || !/^https?:\/\//.test(value)) bad('an http(s) URL');
        else (values as Record<string, unknown>)[spec.field] = value;
        break;
      case 'number':
        if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) bad('a non-negative number');
        else (values as Record<string, unknown>)[spec.field] = value;
        break;
      case 'boolean':
        if (typeof value !== 'boolean') bad('true or false');
        else (values as Record<string, unknown>)[spec.field] = value;
        break;
      case 'scope':
        if (value !== 'user' && value !== 'system') bad('"user" or "system"');
        else values.scope = value;
        break;
      case 'mode':
        if (value !== 'restart' && value !== 'reload') bad('"restart" or "reload"');
        else values.mode = value;
        break;
    }
  }
  return { values, diagnostics };
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Defaults < settings file < flags. */
export function resolveSettings(
  flags: SettingsOverrides & { settings?: string },
  cwd = process.cwd(),
): { settings: DeploySettings; diagnostics: Diagnostic[] } {
  const explicit = flags.settings !== undefined;
  const file = resolve(cwd, flags.settings ?? SETTINGS_FILE);
  let fromFile: SettingsOverrides = {};
  let diagnostics: Diagnostic[] = [];
  let used: string | null = null;
  if (explicit || existsSync(file)) {
    ({ values: fromFile, diagnostics } = readSettingsFile(file));
    used = file;
  }
  const pathFlags: Array<keyof SettingsOverrides> = ['providers', 'mappings', 'compiled', 'target', 'backupDir', 'auditLog'];
  const fromFlags: SettingsOverrides = { ...flags };
  for (const k of pathFlags) {
    const v = fromFlags[k];
    if (typeof v === 'string') (fromFlags as Record<string, unknown>)[k] = resolve(cwd, v);
  }
  const base = used ? dirname(used) : cwd;
  const merged = { ...defined(fromFile), ...defined(fromFlags) };
  const stateDir = resolve(base, '.rmctl');
  const baseUrl = merged.baseUrl ?? 'http://127.0.0.1:4000';
  const settings: DeploySettings = {
    file: used,
    providers: merged.providers ?? resolve(base, 'providers/providers.yaml'),
    mappings: merged.mappings ?? resolve(base, 'mappings/model-mappings.yaml'),
    compiled: merged.compiled ?? resolve(base, 'generated/litellm-unified.yaml'),
    ...(merged.target ? { target: merged.target } : {}),
    ...(merged.service ? { service: merged.service } : {}),
    scope: merged.scope ?? 'user',
    mode: merged.mode ?? 'restart',
    baseUrl,
    healthUrl: merged.healthUrl ?? `${baseUrl.replace(/\/+$/, '')}/health/readiness`,
    timeoutSeconds: merged.timeoutSeconds ?? 60,
    ...(merged.canary ? { canary: merged.canary } : {}),
    backup: merged.backup ?? false,
    backupDir: merged.backupDir ?? resolve(stateDir, 'backups'),
    keepBackups: Math.max(1, Math.floor(merged.keepBackups ?? 10)),
    auditLog: merged.auditLog ?? resolve(stateDir, 'audit.jsonl'),
    lockWaitSeconds: merged.lockWaitSeconds ?? 0,
  };
  return { settings, diagnostics };
}
