// The source types (src/config/generated/) are what the schemas say: regenerated in memory, they must equal
// the committed files, so a schema changed without `npm run gen:source-types` fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSourceTypes as generate } from '../../scripts/source-types.mjs';

const committed = (out: string) => readFileSync(new URL(`../../${out}`, import.meta.url), 'utf8');

describe('source types generated from the schemas', () => {
  it('the committed files are what the schemas generate now (else: npm run gen:source-types)', async () => {
    const files = await generate();
    expect(files.map((f) => f.out).sort()).toEqual(['src/config/generated/mappings-source.ts', 'src/config/generated/providers-source.ts']);
    for (const { out, text } of files) expect(committed(out), `${out} is stale: run npm run gen:source-types`).toBe(text);
  });

  it('a schema change changes the generated text (the check above can fail)', async () => {
    const files = await generate((schemaPath, json) => {
      if (!schemaPath.endsWith('providers.schema.json')) return json;
      const definitions = json.definitions as { provider: { properties: Record<string, unknown> } };
      definitions.provider.properties.region = { type: 'string' };
      return json;
    });
    const providers = files.find((f) => f.out.endsWith('providers-source.ts'));
    expect(providers?.text).toContain('region?: string;');
    expect(providers?.text).not.toBe(committed('src/config/generated/providers-source.ts'));
  });
});
