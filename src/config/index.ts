// Steps 1-4: read, schema, normalize, rules -> { model?, routing?, diagnostics }.
// Pure but for what the caller passes in (texts and an environment).
import type { Env } from '../shared/env.js';
import { sortDiagnostics, type Diagnostic } from '../shared/diagnostics.js';
import { Reporter } from './context.js';
import type { Model } from './model.js';
import { normalizeMappings } from './normalize.js';
import { normalizeProviders } from './normalize-providers.js';
import type { RawMappingsFile, RawProvidersFile } from './raw.js';
import { readSource } from '../shared/yaml-source.js';
import { resolve, type Routing } from './resolve.js';
import { RULES } from './rule-list.js';
import { scanLiteralSecrets } from './rules.js';
import { validateAgainstSchema } from './schema.js';

export interface SourceText {
  path: string;
  text: string;
}

export interface LoadOptions {
  strict?: boolean;
  env?: Env;
}

export interface LoadResult {
  model?: Model;
  routing?: Routing;
  diagnostics: Diagnostic[];
}

/** Codes that are warnings by default and errors under --strict. */
const STRICT_CODES = new Set(['schema/unknown-key', 'env/unset', 'auth/master-key-unset']);

export function loadConfig(providers: SourceText, mappings: SourceText, options: LoadOptions = {}): LoadResult {
  const strict = options.strict ?? false;
  const env = options.env ?? process.env;
  const p = readSource(providers.path, providers.text);
  const m = readSource(mappings.path, mappings.text);
  const diagnostics: Diagnostic[] = [...p.diagnostics, ...m.diagnostics];

  const secrets: Diagnostic[] = [];
  for (const r of [p, m]) {
    if (r.diagnostics.some((d) => d.severity === 'error')) continue;
    secrets.push(...scanLiteralSecrets(r.source));
    diagnostics.push(...checkShape(r === p ? 'providers' : 'model-mappings', r.source));
  }
  diagnostics.push(...secrets);

  const finish = (result: Omit<LoadResult, 'diagnostics'>, list: Diagnostic[]): LoadResult => {
    const escalated = strict ? list.map((d) => (STRICT_CODES.has(d.code) && d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : list;
    return { ...result, diagnostics: sortDiagnostics(escalated) };
  };
  // Semantics on a document whose shape is wrong would be guesses: stop at the shape errors.
  if (diagnostics.some((d) => d.severity === 'error' && d.code !== 'secret/literal')) return finish({}, diagnostics);

  const reporter = new Reporter([p.source, m.source]);
  const services = new Map<string, string>();
  const providerMap = normalizeProviders(p.source.value as RawProvidersFile, p.source.file, reporter, services);
  const model = normalizeMappings((m.source.value ?? {}) as RawMappingsFile, m.source.file, providerMap, reporter);
  model.services = services;
  const routing = resolve(model, reporter);
  const flagged = new Set(secrets.map((d) => `${d.file}#${d.pointer}`));
  const ctx = { model, routing, sources: [p.source, m.source], env, strict, reporter, flagged };
  for (const rule of RULES) rule.run(ctx);
  return finish({ model, routing }, [...diagnostics, ...reporter.diagnostics]);
}

function checkShape(name: 'providers' | 'model-mappings', source: ReturnType<typeof readSource>['source']): Diagnostic[] {
  if (source.value === undefined || source.value === null) {
    if (name === 'model-mappings') return []; // an empty routing map is allowed: every model is served as declared
    return [{ code: 'schema/required', severity: 'error', message: 'the file is empty: it needs a "providers" map', file: source.file, line: 1, col: 1, pointer: '' }];
  }
  return validateAgainstSchema(name, source);
}
