// Loading the compiled config into a route table (at start-up and on every reload), and announcing
// what was loaded. A config that does not load is a ConfigLoadError with its diagnostics.
import type { Diagnostic } from '../../shared/diagnostics.js';
import { RainyModelError } from '../../shared/errors.js';
import { loadCompiledConfig } from '../config-load.js';
import type { Logger } from '../logging.js';
import type { StateStore } from '../state.js';
import { groupConfigWarnings } from './config-warnings.js';
import { buildRouteTable, TableBuildError, type RouteTable } from '../table.js';

export class ConfigLoadError extends RainyModelError {
  constructor(
    message: string,
    readonly diagnostics: Diagnostic[],
  ) {
    super('config/invalid', message);
  }
}

export type ReloadResult = { ok: true; deployments: number; warnings: readonly string[] } | { ok: false; message: string; diagnostics: Diagnostic[] };

export type LoadedTable = { ok: true; table: RouteTable } | { ok: false; message: string; diagnostics: Diagnostic[] };

export async function loadTable(configPath: string, env: NodeJS.ProcessEnv | undefined, store: StateStore): Promise<LoadedTable> {
  const loaded = await loadCompiledConfig(configPath, env);
  if (!loaded.ok) {
    return { ok: false, message: `${configPath}: invalid config (${loaded.diagnostics.length} problem(s))`, diagnostics: loaded.diagnostics };
  }
  try {
    return { ok: true, table: buildRouteTable({ config: loaded.config, missing: loaded.missing, store, sha256: loaded.sha256, envRefs: loaded.refs, env: env ?? process.env }) };
  } catch (err) {
    if (err instanceof TableBuildError) {
      const d: Diagnostic = { code: 'serve/config', severity: 'error', message: err.message, file: configPath, line: 0, col: 0, pointer: '' };
      return { ok: false, message: `${configPath}: ${err.message}`, diagnostics: [d] };
    }
    throw err;
  }
}

export function announceTable(log: Logger, configPath: string, table: RouteTable, msg: string): void {
  for (const w of groupConfigWarnings(table)) log.warn({ event: 'config_warning', ...w.fields }, w.msg);
  if (table.authKeys.length === 0) {
    log.warn({ event: 'auth_disabled' }, 'AUTH DISABLED: no general_settings.master_key and no rainymodel.auth.keys; anyone who can reach this port can use every upstream');
  }
  log.info({ event: 'config_loaded', config: configPath, model_groups: table.groups.size, deployments: table.deployments.length, policies: table.policyList }, msg);
}
