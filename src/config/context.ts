// Diagnostics that point at a node of a source file, by origin (file + JSON pointer), and the origins under a node.
import type { Diagnostic, Severity } from '../shared/diagnostics.js';
import type { Origin } from './model.js';
import { locate, type SourceDocument } from '../shared/yaml-source.js';
import { joinPointer } from '../shared/json-pointer.js';

export class Reporter {
  readonly diagnostics: Diagnostic[] = [];
  private readonly sources = new Map<string, SourceDocument>();

  constructor(sources: SourceDocument[]) {
    for (const s of sources) this.sources.set(s.file, s);
  }

  report(severity: Severity, code: string, origin: Origin, message: string, hint?: string): void {
    const source = this.sources.get(origin.file);
    const pos = source ? locate(source, origin.pointer) : { line: 0, col: 0 };
    const d: Diagnostic = { code, severity, message, file: origin.file, line: pos.line, col: pos.col, pointer: origin.pointer };
    if (hint) d.hint = hint;
    this.diagnostics.push(d);
  }

  error(code: string, origin: Origin, message: string, hint?: string): void {
    this.report('error', code, origin, message, hint);
  }

  warn(code: string, origin: Origin, message: string, hint?: string): void {
    this.report('warning', code, origin, message, hint);
  }

  info(code: string, origin: Origin, message: string, hint?: string): void {
    this.report('info', code, origin, message, hint);
  }
}

/** Origins under one node of one file: `at('models', 0)` is `{ file, pointer: base + '/models/0' }`. */
export type At = (...segments: Array<string | number>) => Origin;

export function originsUnder(file: string, base = ''): At {
  return (...segments) => ({ file, pointer: joinPointer(base, ...segments) });
}
