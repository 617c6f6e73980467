// The one mapper from a schema check to diagnostics: each ajv error becomes a message that names the
// field and the fix (did-you-mean for a mistyped key or value), placed at the closest existing YAML node
// (file:line:col). validate, apply's candidate check, serve's loader and the settings file all report
// through it; checks without a source document (the compiler's own output) use the message alone.
import type { ErrorObject } from 'ajv';
import type { Diagnostic } from './diagnostics.js';
import { schemaValidator, type SchemaName } from './schema-registry.js';
import { didYouMean } from './suggest.js';
import { locate, type SourceDocument } from './yaml-source.js';
import { joinPointer } from './json-pointer.js';

export interface SchemaProblem {
  code: string;
  severity: Diagnostic['severity'];
  message: string;
  /** Where the problem is: the offending key itself for unknown keys and bad names. */
  pointer: string;
  hint?: string;
}

export interface SchemaCheckOptions {
  /**
   * An unknown key below the top level: a warning (a source a person edits; errors under --strict) or
   * an error (a compiled file, where nothing unknown should ever be). Default: warning.
   */
  unknownKeys?: 'warning' | 'error';
}

/** Checks a value; [] when it conforms. */
export function schemaProblems(name: SchemaName, value: unknown, options: SchemaCheckOptions = {}): SchemaProblem[] {
  const validate = schemaValidator(name);
  if (validate(value)) return [];
  const out: SchemaProblem[] = [];
  for (const err of validate.errors ?? []) {
    const problem = describeSchemaError(err, options);
    if (problem) out.push(problem);
  }
  return out;
}

/** Checks a source's value and places each problem in its file. */
export function schemaDiagnostics(name: SchemaName, source: SourceDocument, options: SchemaCheckOptions = {}): Diagnostic[] {
  return schemaProblems(name, source.value, options).map((p) => {
    const pos = locate(source, p.pointer);
    return { code: p.code, severity: p.severity, message: p.message, file: source.file, line: pos.line, col: pos.col, pointer: p.pointer, hint: p.hint };
  });
}

function describeLocation(instancePath: string): string {
  return instancePath === '' ? 'the top level' : `"${instancePath.slice(1).replace(/~1/g, '/').replace(/~0/g, '~')}"`;
}

/** One ajv error in words; undefined for an error another one already reports better. */
export function describeSchemaError(err: ErrorObject, options: SchemaCheckOptions = {}): SchemaProblem | undefined {
  const where = describeLocation(err.instancePath);
  const params = err.params as Record<string, unknown>;
  const problem = (message: string, hint?: string, pointer = err.instancePath): SchemaProblem => ({
    code: `schema/${err.keyword}`,
    severity: 'error',
    message,
    pointer,
    ...(hint ? { hint } : {}),
  });
  switch (err.keyword) {
    case 'additionalProperties':
      return unknownKey(err, where, options);
    case 'required': {
      const missing = String(params.missingProperty);
      // `tpye:` written for `type:`: name the key that is there.
      const written = err.data && typeof err.data === 'object' ? Object.keys(err.data).find((k) => didYouMean(k, [missing]) === missing) : undefined;
      return problem(`${where} is missing the required key "${missing}"`, written ? `"${written}" is written: did you mean "${missing}"?` : `add "${missing}"`);
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const guess = typeof err.data === 'string' ? didYouMean(err.data, allowed) : undefined;
      return problem(`${where} is ${JSON.stringify(err.data)}, which is not one of: ${allowed.join(', ')}`, guess ? `did you mean "${guess}"?` : undefined);
    }
    case 'type':
      return problem(`${where} must be ${String(params.type).replace(',', ' or ')}, not ${jsonType(err.data)}`);
    case 'propertyNames':
      return undefined; // reported by the nested `pattern` error, which names the key
    case 'pattern':
      if (err.propertyName !== undefined) {
        return problem(
          `the name "${err.propertyName}" in ${where} is not allowed (expected ${String(params.pattern)})`,
          undefined,
          joinPointer(err.instancePath, err.propertyName),
        );
      }
      return problem(`${where} is ${JSON.stringify(err.data)}, which does not match ${String(params.pattern)}`);
    default:
      return problem(`${where} ${err.message ?? 'is invalid'}`);
  }
}

function unknownKey(err: ErrorObject, where: string, options: SchemaCheckOptions): SchemaProblem {
  const key = String((err.params as Record<string, unknown>).additionalProperty);
  const known = Object.keys(((err.parentSchema as Record<string, unknown> | undefined)?.properties as object | undefined) ?? {});
  const pointer = joinPointer(err.instancePath, key);
  const guess = didYouMean(key, known);
  if (err.instancePath === '') {
    // A mistyped section (`aliass:`) would silently drop everything in it: an error, always.
    const hint = guess ? `did you mean "${guess}"?` : `sections: ${known.join(', ')}`;
    return { code: 'schema/unknown-section', severity: 'error', message: `unknown top-level section "${key}": nothing in it would take effect`, pointer, hint };
  }
  const hint = guess ? `did you mean "${guess}"?` : known.length ? `known keys: ${known.join(', ')}` : 'remove it';
  return { code: 'schema/unknown-key', severity: options.unknownKeys ?? 'warning', message: `unknown key "${key}" in ${where}: it has no effect`, pointer, hint };
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}
