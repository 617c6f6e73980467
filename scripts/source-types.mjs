// The TypeScript types of the source files (providers.yaml, model-mappings.yaml), generated from their
// schemas so the schema stays the one truth: `npm run gen:source-types` writes them under
// src/config/generated/; test/compiler/source-types.test.ts regenerates them in memory and fails when a
// schema changed and the files were not regenerated.
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Schema file -> generated file and the name of its root type. */
export const SOURCE_TYPES = [
  { schema: 'schemas/providers.schema.json', out: 'src/config/generated/providers-source.ts', root: 'ProvidersSource' },
  { schema: 'schemas/model-mappings.schema.json', out: 'src/config/generated/mappings-source.ts', root: 'MappingsSource' },
];

const BANNER = (schema) =>
  `// GENERATED from ${schema} by scripts/source-types.mjs (json-schema-to-typescript): do not edit.\n` +
  '// Change the schema, then run `npm run gen:source-types`; test/compiler/source-types.test.ts fails until you do.';

/**
 * The generated text of each file, in memory: `{ out, text }`. `edit` may change a schema first (the drift
 * test uses it to show that a schema change does change the text).
 */
export async function generateSourceTypes(edit = (_schemaPath, json) => json) {
  const results = [];
  for (const { schema, out, root } of SOURCE_TYPES) {
    const json = edit(schema, JSON.parse(await readFile(join(ROOT, schema), 'utf8')));
    const text = await compile(json, root, {
      bannerComment: BANNER(schema),
      cwd: join(ROOT, 'schemas'),
      // The root's title is prose for editors; the type is named after the file it describes.
      customName: (node) => (node === json || node.$id === json.$id ? root : undefined),
      ignoreMinAndMaxItems: true,
      unknownAny: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    results.push({ out, text });
  }
  return results;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const { out, text } of await generateSourceTypes()) {
    await writeFile(join(ROOT, out), text);
    console.log(`wrote ${out}`);
  }
}
