// Deploy settings: the `deploy:` section of `rmctl.config.yaml` (in the current directory, or --settings FILE),
// so that a team runs plain `rmctl apply --backup`. Flags override the file; the file overrides defaults.
// Relative paths in the file are relative to the file's directory, relative flags to the current directory.
// A missing settings file is fine (defaults + flags); a broken one is a user mistake and gives diagnostics:
// the file is read by the one YAML reader and checked by schemas/rmctl-settings.schema.json through the
// one schema registry and mapper (positions, did-you-mean), as the sources are.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../shared/diagnostics.js';
import { schemaDiagnostics } from '../shared/schema-diagnostics.js';
import { readSource } from '../shared/yaml-source.js';

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

/** The keys of the `deploy:` section (their shapes: schemas/rmctl-settings.schema.json) -> override fields. */
const KEYS: Record<string, { field: keyof SettingsOverrides; path?: true }> = {
  providers: { field: 'providers', path: true },
  mappings: { field: 'mappings', path: true },
  compiled: { field: 'compiled', path: true },
  target: { field: 'target', path: true },
  service: { field: 'service' },
  scope: { field: 'scope' },
  mode: { field: 'mode' },
  base_url: { field: 'baseUrl' },
  health_url: { field: 'healthUrl' },
  timeout: { field: 'timeoutSeconds' },
  canary: { field: 'canary' },
  backup: { field: 'backup' },
  backup_dir: { field: 'backupDir', path: true },
  keep_backups: { field: 'keepBackups' },
  audit_log: { field: 'auditLog', path: true },
  lock_wait: { field: 'lockWaitSeconds' },
};

/** Reads the `deploy:` section; fields are returned as overrides (paths made absolute). */
export function readSettingsFile(file: string): { values: SettingsOverrides; diagnostics: Diagnostic[] } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { values: {}, diagnostics: [{ code: 'settings/unreadable', severity: 'error', message: `cannot read ${file}: ${(err as Error).message}`, file, line: 0, col: 0, pointer: '' }] };
  }
  const { source, diagnostics: yamlProblems } = readSource(file, text);
  if (yamlProblems.some((d) => d.severity === 'error') || source.value === undefined) return { values: {}, diagnostics: yamlProblems };
  // `canary:` with nothing after it means "not set" (and so does an empty file or `deploy:`).
  source.value = withoutNulls(source.value ?? {});
  const diagnostics = sortDiagnostics(schemaDiagnostics('rmctl-settings', source).map(asSettingsDiagnostic));
  const rejected = new Set(diagnostics.map((d) => d.pointer));
  const section = (source.value as { deploy?: Record<string, unknown> }).deploy;
  const values: Record<string, unknown> = {};
  if (diagnostics.some((d) => d.pointer === '' || d.pointer === '/deploy') || !section) return { values, diagnostics };
  const base = dirname(resolve(file));
  for (const [key, value] of Object.entries(section)) {
    const spec = KEYS[key];
    if (!spec || rejected.has(`/deploy/${key}`)) continue;
    values[spec.field] = spec.path ? resolve(base, value as string) : value;
  }
  return { values: values as SettingsOverrides, diagnostics };
}

function withoutNulls(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

/**
 * The settings file's stable codes: settings/unknown-key (a warning, with the key meant in the message)
 * and settings/type for every value the schema refuses.
 */
function asSettingsDiagnostic(d: Diagnostic): Diagnostic {
  if (d.code === 'schema/unknown-key') {
    const { hint, ...rest } = d;
    return { ...rest, code: 'settings/unknown-key', message: hint ? `${d.message}; ${hint}` : d.message };
  }
  return { ...d, code: 'settings/type', severity: 'error' };
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
