// Step 2: the JSON Schemas in schemas/ are the source of truth for the shape of both inputs. The
// validators come from the one registry (src/shared/schema-registry.ts, precompiled) and every error
// becomes a diagnostic at the closest existing YAML node through the one mapper (schema-diagnostics.ts).
import { readFileSync } from 'node:fs';
import type { Diagnostic } from '../shared/diagnostics.js';
import { schemaDiagnostics, schemaProblems } from '../shared/schema-diagnostics.js';
import { schemaFile, type SchemaName as RegisteredSchema } from '../shared/schema-registry.js';
import type { SourceDocument } from '../shared/yaml-source.js';

export type SchemaName = Extract<RegisteredSchema, 'providers' | 'model-mappings' | 'litellm-config'>;

export function loadSchema(name: SchemaName): Record<string, unknown> {
  return JSON.parse(readFileSync(schemaFile(name), 'utf8')) as Record<string, unknown>;
}

/** Unknown keys are warnings (errors under --strict); every other schema violation is an error. */
export function validateAgainstSchema(name: SchemaName, source: SourceDocument): Diagnostic[] {
  return schemaDiagnostics(name, source);
}

/** Plain validation of a value (no positions): the compiler checks its own output with this. */
export function schemaErrors(name: SchemaName, value: unknown): string[] {
  return schemaProblems(name, value, { unknownKeys: 'error' }).map((p) => p.message);
}
