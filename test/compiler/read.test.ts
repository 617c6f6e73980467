// Reading a source: the fast parser (js-yaml) and the positioned one (`yaml`) must give the same value for
// every file the fast path accepts, and whatever it refuses goes to the positioned parser, whose errors carry
// positions. Checked on every YAML input the project has (the example sources, the golden fixtures and, where
// present, the real-world compat files) and on edge cases of the YAML 1.2 core schema.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { joinPointer, pointerSegments } from '../../src/shared/json-pointer.js';
import { readPositioned } from '../../src/shared/yaml-document.js';
import { locate, readSource } from '../../src/shared/yaml-source.js';

const ROOT = join(import.meta.dirname, '..', '..');
const COMPAT = join(ROOT, '../shared/compat');

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const positioned = (text: string): unknown => parse(text, { uniqueKeys: true, maxAliasCount: 100 }) ?? null;

describe('readSource', () => {
  const files = [
    ...yamlFiles(join(ROOT, 'providers')),
    ...yamlFiles(join(ROOT, 'mappings')),
    ...yamlFiles(join(ROOT, 'generated')),
    ...yamlFiles(join(ROOT, 'test', 'fixtures')),
  ];
  if (!existsSync(COMPAT)) console.warn(`[read] ${COMPAT} does not exist: the compat files are left out of the parser comparison`);
  files.push(...yamlFiles(COMPAT));

  it(`gives the value the positioned parser gives, for every YAML file of the project (${files.length})`, () => {
    expect(files.length).toBeGreaterThan(10);
    let fast = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { source, diagnostics } = readSource(file, text);
      if (diagnostics.some((d) => d.severity === 'error')) continue; // an invalid fixture: compared below
      expect(source.value, file).toEqual(positioned(text));
      fast += source.parsedBy === 'js-yaml' ? 1 : 0;
    }
    // The comparison means something only if the fast path took (nearly) all of them.
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it('locates every node of every fast-path file where the positioned parser does (one parse, the same positions)', () => {
    let compared = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const { source, diagnostics } = readSource(file, text);
      if (source.parsedBy !== 'js-yaml' || diagnostics.length > 0) continue;
      const reference = readPositioned(file, text);
      for (const pointer of everyPointer(source.value, '')) {
        const expected = reference.lineCol(reference.offsetOf(pointerSegments(pointer)) ?? 0);
        expect(locate(source, pointer), `${file} ${pointer}`).toEqual(expected);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });

  it('places quoted, block, tagged and flow scalars and sequence items as the positioned parser does', () => {
    const text = 'a: "x"\nb: \'y\'\nc: |-  # a > b\n  text\nd: >\n  folded\ne: !!str 5\nf:\n  - |\n    item\n  - [1, "two", {g: h}]\n"k q": v\n';
    const { source } = readSource('edge.yaml', text);
    expect(source.parsedBy).toBe('js-yaml');
    const reference = readPositioned('edge.yaml', text);
    for (const pointer of everyPointer(source.value, '')) {
      expect(locate(source, pointer), pointer).toEqual(reference.lineCol(reference.offsetOf(pointerSegments(pointer)) ?? 0));
    }
    expect(locate(source, '/f/1/2/g')).toEqual({ line: 11, col: 17 });
  });

  const EDGE = [
    'a: 017', 'a: 1_000', 'a: 0o17', 'a: 0x1F', 'a: 0b101', 'a: 1e3', 'a: .5', 'a: +.5', 'a: -0', 'a: +1',
    'a: .inf', 'a: -.Inf', 'a: .NaN', 'a: 2024-01-01', 'a: 2001-12-14t21:59:43.10-05:00', 'a: yes', 'a: No',
    'a: on', 'a: ~', 'a:', 'a: null', 'a: NULL', 'a: True', 'a: 1:20', 'a: "quoted: yes"', "a: 'it''s'",
    'a: !!str 5', 'a: |\n  two\n  lines\n', 'a: >-\n  folded\n  text\n', '<<: {b: 1}', 'a: [1, {b: c}]',
    '? complex\n: value', '"k": v', 'a: b # comment', 'a: "\\u00e9\\t"', '', '# only a comment',
    'a: &x {b: 1}\nc: *x', 'x: 1\n---\ny: 2', '- a\n- b',
  ];
  it('agrees with the positioned parser on YAML 1.2 core edge cases; aliases and several documents go the positioned way', () => {
    expect(readSource('a.yaml', 'a: &x {b: 1}\nc: *x').source.parsedBy).toBe('yaml');
    expect(readSource('a.yaml', 'x: 1\n---\ny: 2').source.parsedBy).toBe('yaml');
    expect(readSource('a.yaml', 'pattern: "^qwen/.*"\nb: a*b').source.parsedBy).toBe('js-yaml');
    for (const text of EDGE) {
      const { source, diagnostics } = readSource('edge.yaml', text);
      if (diagnostics.some((d) => d.severity === 'error')) {
        expect(source.value, text).toBeUndefined();
        continue;
      }
      expect(source.value, text).toEqual(positioned(text));
    }
  });

  it('reports syntax errors and duplicate keys with their positions', () => {
    const dup = readSource('dup.yaml', 'a: 1\nb:\n  c: 1\n  c: 2\n');
    expect(dup.source.value).toBeUndefined();
    expect(dup.diagnostics).toMatchObject([{ code: 'yaml/duplicate-key', line: 4, col: 3 }]);
    const broken = readSource('broken.yaml', 'a: [1, 2\nb: 3\n');
    expect(broken.diagnostics[0]).toMatchObject({ code: 'yaml/syntax', severity: 'error' });
    expect(broken.diagnostics[0]?.line).toBeGreaterThan(0);
  });

  it('locates nodes in a file read through the fast path', () => {
    const { source, diagnostics } = readSource('ok.yaml', 'providers:\n  local:\n    type: ollama\n    models: [a, b]\n');
    expect(diagnostics).toEqual([]);
    expect(locate(source, '/providers/local/type')).toEqual({ line: 3, col: 5 });
    expect(locate(source, '/providers/local/models/1')).toEqual({ line: 4, col: 17 });
    expect(locate(source, '/providers/nope')).toEqual({ line: 1, col: 1 });
    expect(source.parsedBy).toBe('js-yaml');
  });
});

/** The pointer of every node in a value, the root's included. */
function everyPointer(value: unknown, pointer: string): string[] {
  if (Array.isArray(value)) return [pointer, ...value.flatMap((item: unknown, i) => everyPointer(item, joinPointer(pointer, i)))];
  if (typeof value === 'object' && value !== null) return [pointer, ...Object.entries(value).flatMap(([k, v]) => everyPointer(v, joinPointer(pointer, k)))];
  return [pointer];
}
