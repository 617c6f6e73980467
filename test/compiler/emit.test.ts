// The YAML emitter: whatever it writes, YAML 1.2 and YAML 1.1 loaders (LiteLLM uses PyYAML, a 1.1
// loader) read back as the same value; and its layout is the one the committed goldens pin.
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { scalarString, toYaml } from '../../src/compile/emit.js';

const TRICKY = [
  'plain', 'with space', 'qwen2.5-coder:7b', 'https://api.example.com/v1', '${BASE:-http://127.0.0.1:11434}/v1',
  'os.environ/KEY', '^qwen/.*', '.*\\.gguf$', '{model}', 'openai/{model}', '[x]', '*ref', '&anchor', '!tag', '|', '>',
  '%directive', '@at', '`tick`', "'single'", '"double"', '# comment', 'a #b', 'a# b', 'key: value', 'ends:', 'colon:x',
  '- item', '-', '--', '---', '...', '? q', '?x', ':x', ',x', '', ' lead', 'trail ', 'tab\there', 'line\nbreak', 'cr\rx',
  'yes', 'Yes', 'YES', 'no', 'No', 'y', 'n', 'N', 'on', 'Off', 'true', 'False', 'null', 'NULL', '~', '<<', '=',
  '1', '-1', '+1', '1.5', '.5', '1e5', '1E+5', '1_000', '0x1f', '0o17', '0b101', '017', '1:20', '190:20:30.15',
  '2024-01-01', '2024-01-01T10:00:00Z', '2001-12-14 21:59:43.10 -5', '.inf', '-.inf', '.NaN', '.nan', '.hidden',
  '30m', '7b', '4800079ed04c5d84b28d9ef5e8ba7aa341bee2df847baac0b09c70e47ad36072', '1e5x', '0xZZ',
  'unicodé', 'emoji 🌧', '\u0085nel', '\u2028ls', '\u007fdel', '\u0000nul', '\ufeffbom', 'back\\slash',
];

const loaders = [
  ['YAML 1.2', (text: string) => parse(text)],
  ['YAML 1.1', (text: string) => parse(text, { version: '1.1' })],
] as const;

describe('YAML emitter', () => {
  for (const [name, load] of loaders) {
    it(`tricky strings read back unchanged as values, keys and list items (${name})`, () => {
      const doc = {
        values: Object.fromEntries(TRICKY.map((s, i) => [`k${i}`, s])),
        keys: Object.fromEntries(TRICKY.map((s, i) => [s, i])),
        items: TRICKY,
      };
      expect(load(toYaml(doc))).toEqual(doc);
    });
  }

  it('every scalar kind and nesting reads back unchanged', () => {
    const doc = {
      n: [0, 1, -7, 2.5, 1e21, 1e-7],
      b: [true, false],
      z: null,
      empty: { list: [], map: {} },
      nested: [{ a: [{ b: [[1, 2], [], {}], c: { d: 'x' } }] }, [['deep']]],
    };
    for (const [, load] of loaders) expect(load(toYaml(doc))).toEqual(doc);
  });

  it('undefined values are left out, as JSON would', () => {
    expect(parse(toYaml({ a: 1, b: undefined, c: { d: undefined } }))).toEqual({ a: 1, c: {} });
  });

  it('lays out block collections the way the yaml library does (the goldens depend on it)', () => {
    const doc = {
      model_list: [{ model_name: 'x', litellm_params: { model: 'openai/x', order: 1 }, tags: ['a', 'b'] }],
      router_settings: { fallbacks: [{ 'qwen2.5-coder:7b': ['rainymodel/code'] }], empty: [] },
      patterns: [{ pattern: '^qwen/.*', deployments: [{ model_name: '{model}' }] }],
    };
    expect(toYaml(doc)).toBe(stringify(doc, { aliasDuplicateObjects: false, lineWidth: 0, minContentWidth: 0 }));
  });

  it('writes ordinary names plain and quotes only what needs it', () => {
    expect(scalarString('rainymodel/auto')).toBe('rainymodel/auto');
    expect(scalarString('30m')).toBe('30m');
    expect(scalarString('{model}')).toBe('"{model}"');
    expect(scalarString('yes')).toBe('"yes"');
    expect(scalarString('2024-01-01')).toBe('"2024-01-01"');
    expect(scalarString('\u2028')).toBe('"\\u2028"');
  });
});
