// Step 2: the JSON Schemas in schemas/ are the source of truth for the shape of both inputs.
// One ajv instance, each schema compiled once; every ajv error becomes a diagnostic at the closest
// existing YAML node.
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import type { Diagnostic } from '../shared/diagnostics.js';
import { didYouMean } from '../shared/suggest.js';
import { joinPointer, locate, type SourceDocument } from '../shared/yaml-source.js';

export type SchemaName = 'providers' | 'model-mappings' | 'litellm-config';

const schemaUrl = (name: SchemaName) => new URL(`../../schemas/${name}.schema.json`, import.meta.url);

let ajv: Ajv | undefined;
const validators = new Map<SchemaName, ValidateFunction>();

export function loadSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaUrl(name), 'utf8')) as Record<string, unknown>;
}

function validator(name: SchemaName): ValidateFunction {
  let fn = validators.get(name);
  if (!fn) {
    // verbose: parentSchema gives the known keys for did-you-mean hints.
    ajv ??= new Ajv({ allErrors: true, verbose: true, strict: false });
    fn = ajv.compile(loadSchema(name));
    validators.set(name, fn);
  }
  return fn;
}

/** Unknown keys are warnings (errors under --strict); every other schema violation is an error. */
export function validateAgainstSchema(name: SchemaName, source: SourceDocument): Diagnostic[] {
  const validate = validator(name);
  if (validate(source.value)) return [];
  const out: Diagnostic[] = [];
  for (const err of validate.errors ?? []) {
    const d = toDiagnostic(err, source);
    if (d) out.push(d);
  }
  return out;
}

/** Plain validation of a value (no positions): the compiler checks its own output with this. */
export function schemaErrors(name: SchemaName, value: unknown): string[] {
  const validate = validator(name);
  if (validate(value)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? 'is invalid'}`);
}

function describeLocation(instancePath: string): string {
  return instancePath === '' ? 'the top level' : `"${instancePath.slice(1).replace(/~1/g, '/').replace(/~0/g, '~')}"`;
}

function toDiagnostic(err: ErrorObject, source: SourceDocument): Diagnostic | undefined {
  const where = describeLocation(err.instancePath);
  let pointer = err.instancePath;
  let code = `schema/${err.keyword}`;
  let severity: Diagnostic['severity'] = 'error';
  let message: string;
  let hint: string | undefined;
  const params = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const known = Object.keys(((err.parentSchema as Record<string, unknown>)?.properties as object) ?? {});
      pointer = joinPointer(err.instancePath, key);
      const guess = didYouMean(key, known);
      if (err.instancePath === '') {
        // A mistyped section (`aliass:`) would silently drop everything in it: an error, always.
        code = 'schema/unknown-section';
        message = `unknown top-level section "${key}": nothing in it would take effect`;
        hint = guess ? `did you mean "${guess}"?` : `sections: ${known.join(', ')}`;
        break;
      }
      code = 'schema/unknown-key';
      severity = 'warning';
      message = `unknown key "${key}" in ${where}: it has no effect`;
      hint = guess ? `did you mean "${guess}"?` : known.length ? `known keys: ${known.join(', ')}` : 'remove it';
      break;
    }
    case 'required': {
      const missing = String(params.missingProperty);
      message = `${where} is missing the required key "${missing}"`;
      // `tpye:` written for `type:`: name the key that is there.
      const written = err.data && typeof err.data === 'object' ? Object.keys(err.data).find((k) => didYouMean(k, [missing]) === missing) : undefined;
      hint = written ? `"${written}" is written: did you mean "${missing}"?` : `add "${missing}"`;
      break;
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      message = `${where} is ${JSON.stringify(err.data)}, which is not one of: ${allowed.join(', ')}`;
      const guess = typeof err.data === 'string' ? didYouMean(err.data, allowed) : undefined;
      hint = guess ? `did you mean "${guess}"?` : undefined;
      break;
    }
    case 'type':
      message = `${where} must be ${String(params.type).replace(',', ' or ')}, not ${jsonType(err.data)}`;
      break;
    case 'propertyNames':
      return undefined; // reported by the nested `pattern` error, which names the key
    case 'pattern':
      if (err.propertyName !== undefined) {
        pointer = joinPointer(err.instancePath, err.propertyName);
        message = `the name "${err.propertyName}" in ${where} is not allowed (expected ${String(params.pattern)})`;
      } else {
        message = `${where} is ${JSON.stringify(err.data)}, which does not match ${String(params.pattern)}`;
      }
      break;
    default:
      message = `${where} ${err.message ?? 'is invalid'}`;
  }
  const pos = locate(source, pointer);
  return { code, severity, message, file: source.file, line: pos.line, col: pos.col, pointer, hint };
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a map';
  return `${typeof v} ${JSON.stringify(v)}`;
}
