// Loads the compiled file for serving: YAML -> schema check (the same JSON Schema as the compiler's
// output) -> environment references resolved. The proxy reads only this file, never the sources.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { CompiledConfig } from '../shared/compiled-config.js';
import { locate, readSource } from '../shared/yaml-source.js';
import type { Diagnostic } from '../shared/diagnostics.js';
import { resolveEnvRefs, type MissingEnv } from './env.js';

export type LoadResult =
  | { ok: true; config: CompiledConfig; missing: MissingEnv[]; refs: MissingEnv[]; file: string; sha256: string }
  | { ok: false; diagnostics: Diagnostic[]; file: string };

let validator: ValidateFunction | undefined;

async function getValidator(): Promise<ValidateFunction> {
  if (validator) return validator;
  // src/proxy and dist/proxy both sit two levels under the package root, next to schemas/.
  const url = new URL('../../schemas/litellm-config.schema.json', import.meta.url);
  const schema = JSON.parse(await readFile(url, 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv({ allErrors: true, strict: false });
  validator = ajv.compile(schema);
  return validator;
}

function describeAjvError(e: ErrorObject): string {
  const where = e.instancePath || '(document)';
  if (e.keyword === 'enum' && Array.isArray((e.params as { allowedValues?: unknown[] }).allowedValues)) {
    const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return `${where} ${e.message ?? 'is invalid'} (${allowed})`;
  }
  if (e.keyword === 'required') return `${where} is missing required field "${(e.params as { missingProperty: string }).missingProperty}"`;
  return `${where} ${e.message ?? 'is invalid'}`;
}

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
  const validate = await getValidator();
  if (!validate(raw)) {
    const diagnostics = (validate.errors ?? []).map((e) => {
      const pos = locate(source, e.instancePath);
      return diag(file, `schema/${e.keyword}`, describeAjvError(e), pos.line, pos.col, e.instancePath);
    });
    return { ok: false, file, diagnostics };
  }
  const { value, missing, refs } = resolveEnvRefs(raw, env);
  // The file's hash, shown by /health/readiness: `rmctl apply` waits for it to know the new file is serving.
  const sha256 = createHash('sha256').update(text).digest('hex');
  return { ok: true, config: value as CompiledConfig, missing, refs, file, sha256 };
}

function diag(file: string, code: string, message: string, line: number, col: number, pointer: string): Diagnostic {
  return { code, severity: 'error', message, file, line, col, pointer };
}
