// The route table doctor probes: the compiled file read and checked exactly as `rmctl serve` reads it,
// deployments resolved the same way (env references, adapters, default bases). Client-side settings are
// left out: doctor talks to upstreams only, so an unset master key variable does not stop it.
import { loadCompiledConfig } from '../../proxy/config-load.js';
import { StateStore } from '../../proxy/state.js';
import { buildRouteTable, TableBuildError, type RouteTable } from '../../proxy/table.js';
import type { Diagnostic } from '../../shared/diagnostics.js';

/** What each deployment is for (model_info.mode: chat by default, embedding, ...), by deployment id. */
export type Modes = ReadonlyMap<string, string>;

export type DoctorTable = { ok: true; table: RouteTable; modes: Modes } | { ok: false; message: string; diagnostics: Diagnostic[] };

export async function loadForDoctor(configPath: string, env: NodeJS.ProcessEnv): Promise<DoctorTable> {
  const loaded = await loadCompiledConfig(configPath, env);
  if (!loaded.ok) return { ok: false, message: `${configPath}: invalid config (${loaded.diagnostics.length} problem(s))`, diagnostics: loaded.diagnostics };
  const clientSide = (pointer: string): boolean => pointer.startsWith('/general_settings/master_key') || pointer.startsWith('/rainymodel/auth');
  const config = { ...loaded.config, general_settings: { ...loaded.config.general_settings, master_key: undefined } };
  if (config.rainymodel) config.rainymodel = { ...config.rainymodel, auth: undefined };
  try {
    const table = buildRouteTable({ config, missing: loaded.missing.filter((m) => !clientSide(m.pointer)), store: new StateStore(), sha256: loaded.sha256 });
    // The table keeps the file's deployment order.
    const modes = new Map(table.deployments.map((d, i) => [d.id, config.model_list[i]?.model_info?.mode ?? 'chat'] as const));
    return { ok: true, table, modes };
  } catch (err) {
    if (!(err instanceof TableBuildError)) throw err;
    return { ok: false, message: `${configPath}: ${err.message}`, diagnostics: [] };
  }
}
