// The positioned way to read a source (yaml-source.ts takes it when the fast path cannot): the `yaml`
// library's Document, which keeps every node's range and reports syntax errors and duplicate keys where
// they are. Taken for text js-yaml refuses (then these errors, with positions, are the ones reported), for
// aliases and for several documents in one file. The library is loaded here on first use, through require
// (a source read through the fast path never loads it: ~50 ms of a cold `rmctl validate`).
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import type { Diagnostic } from './diagnostics.js';
import { joinPointer } from './json-pointer.js';

let library: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (library ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/** Called with a string scalar's JSON pointer, the key it is under and its value. */
export type StringVisit = (pointer: string, key: string, value: string) => void;

export interface PositionedRead {
  /** The plain value (undefined when the text has errors: later steps must not guess at half-parsed input). */
  value: unknown;
  diagnostics: Diagnostic[];
  /** The offset a JSON pointer's node starts at (its key's, for a map entry), or its closest ancestor's. */
  offsetOf(segments: readonly string[]): number | undefined;
  lineCol(offset: number): { line: number; col: number };
  /** Every string scalar in the document with its pointer and the key it is under (also in a broken file). */
  eachString(visit: StringVisit): void;
}

export function readPositioned(file: string, text: string): PositionedRead {
  const { LineCounter, parseDocument } = yaml();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const diagnostics = problems(file, text, doc, lines);
  return {
    value: doc.errors.length === 0 ? doc.toJS({ maxAliasCount: 100 }) : undefined,
    diagnostics,
    offsetOf: (segments) => nodeOffset(doc.contents, segments),
    lineCol: (offset) => lines.linePos(offset),
    eachString: (visit) => walkStrings(doc.contents, '', '', visit),
  };
}

function problems(file: string, text: string, doc: Yaml.Document.Parsed, lines: Yaml.LineCounter): Diagnostic[] {
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
  return diagnostics;
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

function nodeOffset(root: unknown, segments: readonly string[]): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  let node: unknown = root;
  let best: number | undefined = rangeStart(node);
  for (const seg of segments) {
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
  return best;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Yaml.Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

function walkStrings(node: unknown, pointer: string, key: string, visit: StringVisit): void {
  const { isMap, isPair, isScalar, isSeq } = yaml();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue;
      const k = String(pair.key.value);
      walkStrings(pair.value, joinPointer(pointer, k), k, visit);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item: unknown, i: number) => walkStrings(item, joinPointer(pointer, i), key, visit));
  } else if (isScalar(node) && typeof node.value === 'string') {
    visit(pointer, key, node.value);
  }
}
