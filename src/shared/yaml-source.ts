// Step 1 (reading, shared by the compiler and serve's loader): YAML text -> the plain value, plus a document that remembers where every node came from.
// `${VAR}` forms stay as text here: they are expanded only at deploy/serve time.
//
// Two parsers, one result. js-yaml (YAML 1.2 core schema) builds the value quickly; the `yaml` library's
// Document, which knows every node's position, is built only when something asks where a node is (a
// diagnostic) or when js-yaml refuses the text (then its errors, with positions, are the ones reported).
// Kept for a measured reason (issue 12 asked: drop it or measure it), 2 Dec 2026, node 20, the same
// loaded 2-core machine, medians, with js-yaml vs with the `yaml` Document alone:
//   reading the 10,000-deployment providers file of scripts/bench-registry.mjs, in process: 190 vs 760 ms;
//   cold `rmctl validate` of that registry: 2.0 vs 2.2 s CPU (its env warnings need positions, so both
//   parse there; a registry without diagnostics saves the whole 0.5 s);
//   cold `rmctl validate` of the example: 505 vs 499 ms CPU (no difference: its warnings need positions).
import { load as fastLoad, CORE_SCHEMA } from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from './diagnostics.js';

export interface SourceDocument {
  file: string;
  text: string;
  /** The positioned document (parsed on first use). */
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
  /** The plain JS value (undefined when the text did not parse). */
  value: unknown;
  /** Which parser built the value: the fast one, or the positioned one (aliases, or text it refused). */
  readonly parsedBy: 'js-yaml' | 'yaml';
}

export interface Position {
  line: number;
  col: number;
}

// Aliases (shared nodes; `yaml` bounds their expansion) and a document marker (several documents) go
// the slow way, so both parsers never have to agree on them.
const SLOW_PATH = /(?:^|[\s,[{:-])\*[^\s,\]}]|^(?:---|\.\.\.)(?:\s|$)/m;

function parsePositioned(text: string): { doc: Document.Parsed; lines: LineCounter } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  return { doc, lines };
}

function lazySource(file: string, text: string, value: unknown, parsed?: { doc: Document.Parsed; lines: LineCounter }): SourceDocument {
  let positioned = parsed;
  const get = () => (positioned ??= parsePositioned(text));
  return {
    file,
    text,
    value,
    parsedBy: parsed ? 'yaml' : 'js-yaml',
    get doc() {
      return get().doc;
    },
    get lines() {
      return get().lines;
    },
  };
}

export function readSource(file: string, text: string): { source: SourceDocument; diagnostics: Diagnostic[] } {
  if (!SLOW_PATH.test(text)) {
    try {
      const value = fastLoad(text, { schema: CORE_SCHEMA, filename: file });
      return { source: lazySource(file, text, value === undefined ? null : value), diagnostics: [] };
    } catch {
      // Not plain YAML js-yaml accepts (a syntax error, a duplicate key, a tag): the positioned parser
      // decides, and reports what it finds where it is.
    }
  }
  const parsed = parsePositioned(text);
  const { doc, lines } = parsed;
  const diagnostics: Diagnostic[] = [];
  // Only the first syntax error: what follows a tab or a stray `[` is mostly the parser losing its place.
  const firstSyntax = doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').sort((a, b) => a.pos[0] - b.pos[0])[0];
  for (const err of doc.errors) {
    const duplicate = err.code === 'DUPLICATE_KEY';
    if (!duplicate && err !== firstSyntax) continue;
    // A flow collection that never ends is reported where the parser gives up: point at its opening.
    const opener = duplicate ? undefined : unclosedOpener(err.message, text, err.pos[0]);
    const pos = lines.linePos(opener ?? err.pos[0]);
    diagnostics.push({
      code: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
      severity: 'error',
      message: duplicate ? 'duplicate key: a later value would silently replace the earlier one' : firstLine(err.message),
      file,
      line: pos.line,
      col: pos.col,
      pointer: '',
      hint: duplicate ? 'merge the two entries or rename one of them' : opener !== undefined ? UNCLOSED_FIX : syntaxFix(err.code, text, err.pos[0]),
    });
  }
  for (const warn of doc.warnings) {
    const pos = lines.linePos(warn.pos[0]);
    diagnostics.push({ code: 'yaml/warning', severity: 'warning', message: firstLine(warn.message), file, line: pos.line, col: pos.col, pointer: '' });
  }
  // With errors the value is unreliable: later steps must not guess at half-parsed input.
  const value = doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined;
  return { source: lazySource(file, text, value, parsed), diagnostics };
}

const UNCLOSED_FIX = 'a [ or { that is never closed? close it on the same line, or quote the value ("[...")';

/** The offset of the last `[` / `{` before `offset` left open on its own line, when the error is about one. */
function unclosedOpener(message: string, text: string, offset: number): number | undefined {
  const close = /end with a ([\]}])/.exec(message)?.[1];
  if (close === undefined) return undefined;
  const open = close === ']' ? '[' : '{';
  for (let i = text.lastIndexOf(open, offset - 1); i >= 0; i = text.lastIndexOf(open, i - 1)) {
    const lineEnd = text.indexOf('\n', i);
    if (!text.slice(i, lineEnd < 0 ? undefined : lineEnd).includes(close)) return i;
  }
  return undefined;
}

/** A fix line for the first syntax error (later ones are usually its echo, so they are not reported). */
function syntaxFix(code: string, text: string, offset: number): string {
  const unclosed = /[[{][^\]}\n]*$/.exec(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset + 1));
  if (code === 'TAB_AS_INDENT') return 'indent with spaces: YAML does not allow a tab there';
  if (unclosed || code === 'MISSING_CHAR' || code === 'MULTILINE_IMPLICIT_KEY') {
    return UNCLOSED_FIX;
  }
  if (code === 'BAD_INDENT') return 'line this up with the other keys of the same map (spaces only)';
  return 'fix this one first and validate again: later problems often follow from it';
}

function firstLine(message: string): string {
  return (message.split('\n')[0] ?? message).trim();
}

/** JSON pointer segments, unescaped (`~1` -> `/`, `~0` -> `~`). */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function joinPointer(base: string, ...segments: Array<string | number>): string {
  return base + segments.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

/**
 * The position of the node a JSON pointer names, or of its closest existing ancestor.
 * For a map entry the key's position is used: that is where an editor should put the cursor.
 */
export function locate(source: SourceDocument, pointer: string): Position {
  let node: unknown = source.doc.contents;
  let best: number | undefined = rangeStart(node);
  for (const seg of pointerSegments(pointer)) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === seg);
      if (!pair) break;
      best = rangeStart(pair.key) ?? best;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)];
      if (item === undefined) break;
      best = rangeStart(item) ?? best;
      node = item;
    } else {
      break;
    }
  }
  if (best === undefined) return { line: 1, col: 1 };
  const pos = source.lines.linePos(best);
  return { line: pos.line, col: pos.col };
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}
