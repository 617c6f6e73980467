// The precompiled validators in schemas/validators/ against the schemas they come from: a schema edited
// without `npm run gen:validators` fails here (the registry would otherwise check against the old shape).
// Every schema is strict-mode clean (the codegen compiles with strict: true and throws otherwise).
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { validatorModule } from '../../src/shared/schema-codegen.js';
import { SCHEMA_NAMES, schemaValidator, validatorFile } from '../../src/shared/schema-registry.js';
import { schemaProblems } from '../../src/shared/schema-diagnostics.js';

describe('precompiled schema validators', () => {
  it.each(SCHEMA_NAMES)('schemas/validators/%s.cjs is what the schema generates now', (name) => {
    const committed = readFileSync(fileURLToPath(validatorFile(name)), 'utf8');
    expect(committed === validatorModule(name), `schemas/${name}.schema.json changed: run \`npm run gen:validators\``).toBe(true);
  });

  it('every schema in schemas/ is in the registry, and nothing else is generated', () => {
    const dir = fileURLToPath(new URL('../../schemas/', import.meta.url));
    const schemas = readdirSync(dir).filter((f) => f.endsWith('.schema.json')).map((f) => f.replace('.schema.json', ''));
    const generated = readdirSync(`${dir}/validators`).map((f) => f.replace('.cjs', ''));
    expect([...SCHEMA_NAMES].sort()).toEqual(schemas.sort());
    expect(generated.sort()).toEqual(schemas.sort());
  });

  it('a precompiled validator checks and reports like a compiled one (verbose: the parent schema for did-you-mean)', () => {
    expect(schemaValidator('providers')({ providers: { a: { type: 'ollama' } } })).toBe(true);
    const [problem] = schemaProblems('providers', { providers: { a: { type: 'ollama', tierr: 'free' } } });
    expect(problem).toMatchObject({ code: 'schema/unknown-key', severity: 'warning', pointer: '/providers/a/tierr', hint: 'did you mean "tier"?' });
  });
});
