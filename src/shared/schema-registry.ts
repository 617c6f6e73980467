// The one ajv registry: every JSON Schema in schemas/ by name, checked with one set of ajv options (strict
// mode), each as a validator precompiled by ajv's standalone code generation into schemas/validators/
// (`npm run gen:validators`; test/shared/schema-validators.test.ts fails when a schema changed and its
// validator was not regenerated). Loading a validator costs a file read, not a schema compile, and only
// the validators a command uses are loaded. Errors become diagnostics in schema-diagnostics.ts.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { packageUrl } from './package-files.js';

export const SCHEMA_NAMES = ['providers', 'model-mappings', 'litellm-config', 'litellm-accepts', 'rmctl-settings'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

/**
 * The ajv options every validator is generated with. strict: the schemas may use no unknown keyword or
 * ambiguous construct; union types (`"type": ["string", "null"]`) are allowed, and named in messages.
 * verbose: an error carries its parent schema (the known keys, for did-you-mean) and the data.
 */
export const AJV_OPTIONS = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;

export function schemaFile(name: SchemaName): URL {
  return packageUrl(`schemas/${name}.schema.json`);
}

export function validatorFile(name: SchemaName): URL {
  return packageUrl(`schemas/validators/${name}.cjs`);
}

const requireValidator = createRequire(import.meta.url);
const loaded = new Map<SchemaName, ValidateFunction>();

/** The precompiled validator of a schema (loaded on first use). */
export function schemaValidator(name: SchemaName): ValidateFunction {
  let validate = loaded.get(name);
  if (!validate) {
    validate = requireValidator(fileURLToPath(validatorFile(name))) as ValidateFunction;
    loaded.set(name, validate);
  }
  return validate;
}
