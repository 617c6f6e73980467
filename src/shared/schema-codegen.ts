// Writes the precompiled validators the registry (schema-registry.ts) loads: each schema in schemas/
// compiled by ajv with the registry's options and turned into a CommonJS module by ajv's standalone code
// generation. Build-time only (scripts/gen-validators.mjs and the drift test); nothing at run time
// imports this file, so ajv's compiler never loads when a command runs.
import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import standalone from 'ajv/dist/standalone/index.js';
import { AJV_OPTIONS, schemaFile, type SchemaName } from './schema-registry.js';

/** The text of schemas/validators/<name>.cjs as the current schema and ajv produce it. */
export function validatorModule(name: SchemaName): string {
  const ajv = new Ajv({ ...AJV_OPTIONS, code: { source: true, lines: true } });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile(name), 'utf8')) as object);
  const header =
    `// Generated from schemas/${name}.schema.json by ajv's standalone code generation ` +
    `(src/shared/schema-codegen.ts). Do not edit: run \`npm run gen:validators\`.\n`;
  return header + standalone.default(ajv, validate) + '\n';
}
