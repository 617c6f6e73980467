// Loads the compiled file for serving: YAML -> schema check (the same JSON Schema as the compiler's
// output, through the one schema registry and mapper) -> environment references resolved. The proxy
// reads only this file, never the sources.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { CompiledConfig } from '../shared/compiled-config.js';
import { readSource } from '../shared/yaml-source.js';
import type { Diagnostic } from '../shared/diagnostics.js';
import { schemaDiagnostics } from '../shared/schema-diagnostics.js';
import { resolveEnvRefs, type MissingEnv } from './env.js';

export type LoadResult =
  | { ok: true; config: CompiledConfig; missing: MissingEnv[]; refs: MissingEnv[]; file: string; sha256: string }
  | { ok: false; diagnostics: Diagnostic[]; file: string };

export async function loadCompiledConfig(file: string, env: NodeJS.ProcessEnv = process.env): Promise<LoadResult> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, file, diagnostics: [diag(file, 'file/unreadable', `cannot read config: ${message}`, 0, 0, '')] };
  }
  // The compiler's reader: a fast parse, and node positions only when a problem has to be pointed at.
  const { source, diagnostics: yamlProblems } = readSource(file, text);
  const errors = yamlProblems.filter((d) => d.severity === 'error');
  if (errors.length > 0 || source.value === undefined) return { ok: false, file, diagnostics: errors };
  const raw = source.value;
  // A compiled file has nothing unknown in it: every schema problem stops the load.
  const schemaProblems = schemaDiagnostics('litellm-config', source, { unknownKeys: 'error' });
  if (schemaProblems.length > 0) return { ok: false, file, diagnostics: schemaProblems };
  const { value, missing, refs } = resolveEnvRefs(raw, env);
  // The file's hash, shown by /health/readiness: `rmctl apply` waits for it to know the new file is serving.
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { ok: true, config: value as CompiledConfig, missing, refs, file, sha256 };
}

function diag(file: string, code: string, message: string, line: number, col: number, pointer: string): Diagnostic {
  return { code, severity: 'error', message, file, line, col, pointer };
}
