// Step 1 (reading, shared by the compiler and serve's loader): YAML text -> the plain value, plus where
// every node came from. `${VAR}` forms stay as text here: they are expanded only at deploy/serve time.
//
// One parse per file. The fast path: js-yaml (YAML 1.2 core schema) parses the text into events, the value
// is constructed from them and the same events answer where a node is (yaml-events.ts), only when a
// diagnostic asks. Text js-yaml refuses (a syntax error, a duplicate key, a tag it does not know), aliases
// and several documents go the positioned way instead: the `yaml` library's Document (yaml-document.ts),
// whose errors carry positions. Measured (issue 12), 2 Dec 2026, node 20, medians:
//   reading the 10,000-deployment providers file of scripts/bench-registry.mjs, in process: 190 ms through
//   js-yaml vs 760 ms through the `yaml` Document;
//   cold `rmctl validate` of the example: the `yaml` library is no longer loaded at all (its warnings'
//   positions come from the events), see `npm run bench:cli`.
import { constructFromEvents, parseEvents, CORE_SCHEMA } from 'js-yaml';
import type { Diagnostic } from './diagnostics.js';
import { joinPointer, pointerSegments } from './json-pointer.js';
import { readPositioned, type StringVisit } from './yaml-document.js';
import { indexEvents, lineCounter, offsetOf } from './yaml-events.js';

export interface SourceDocument {
  file: string;
  text: string;
  /** The plain JS value (undefined when the text did not parse). */
  value: unknown;
  /** Which parser read the file: the fast one, or the positioned one (aliases, or text it refused). */
  readonly parsedBy: 'js-yaml' | 'yaml';
  /** Every string scalar with its pointer and key: from the value, or from the nodes of a broken file. */
  eachString(visit: StringVisit): void;
  /** Where the node a pointer names starts, or its closest existing ancestor (see locate). */
  position(pointer: string): Position;
}

export interface Position {
  line: number;
  col: number;
}

// Aliases (shared nodes; `yaml` bounds their expansion) and a document marker (several documents) go
// the positioned way, so both parsers never have to agree on them.
const SLOW_PATH = /(?:^|[\s,[{:-])\*[^\s,\]}]|^(?:---|\.\.\.)(?:\s|$)/m;

export function readSource(file: string, text: string): { source: SourceDocument; diagnostics: Diagnostic[] } {
  if (!SLOW_PATH.test(text)) {
    try {
      return { source: fastSource(file, text), diagnostics: [] };
    } catch {
      // Not plain YAML js-yaml accepts: the positioned parser decides, and reports what it finds where it is.
    }
  }
  const read = readPositioned(file, text);
  const source: SourceDocument = {
    file,
    text,
    value: read.value,
    parsedBy: 'yaml',
    eachString: (visit) => (read.value !== undefined ? eachValueString(read.value, '', '', visit) : read.eachString(visit)),
    position: (pointer) => read.lineCol(read.offsetOf(pointerSegments(pointer)) ?? 0),
  };
  return { source, diagnostics: read.diagnostics };
}

function fastSource(file: string, text: string): SourceDocument {
  const events = parseEvents(text, { filename: file });
  const documents = constructFromEvents(events, { source: text, schema: CORE_SCHEMA, filename: file });
  if (documents.length > 1) throw new Error('several documents');
  const value = documents[0] ?? null;
  let index: { root: ReturnType<typeof indexEvents>; lineCol: ReturnType<typeof lineCounter> } | undefined;
  return {
    file,
    text,
    value,
    parsedBy: 'js-yaml',
    eachString: (visit) => eachValueString(value, '', '', visit),
    position(pointer) {
      index ??= { root: indexEvents(text, events), lineCol: lineCounter(text) };
      return index.lineCol(offsetOf(index.root, pointerSegments(pointer)) ?? 0);
    },
  };
}

/**
 * The position of the node a JSON pointer names, or of its closest existing ancestor.
 * For a map entry the key's position is used: that is where an editor should put the cursor.
 */
export function locate(source: SourceDocument, pointer: string): Position {
  return source.position(pointer);
}

function eachValueString(value: unknown, pointer: string, key: string, visit: StringVisit): void {
  if (typeof value === 'string') visit(pointer, key, value);
  else if (Array.isArray(value)) value.forEach((item: unknown, i: number) => eachValueString(item, joinPointer(pointer, i), key, visit));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) eachValueString(v, joinPointer(pointer, k), k, visit);
  }
}
