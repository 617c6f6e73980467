#!/usr/bin/env node
// Regenerates schemas/validators/*.cjs, the precompiled validator of every schema in schemas/ (see
// src/shared/schema-registry.ts). Run after changing a schema: `npm run gen:validators` (builds first).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { validatorModule } from '../dist/shared/schema-codegen.js';
import { SCHEMA_NAMES, validatorFile } from '../dist/shared/schema-registry.js';

for (const name of SCHEMA_NAMES) {
  const file = fileURLToPath(validatorFile(name));
  writeFileSync(file, validatorModule(name));
  console.log(`wrote ${file}`);
}
