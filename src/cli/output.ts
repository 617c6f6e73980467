// How diagnostics reach people and machines: text (stderr, colour per context.ts's rules), json and GitHub
// workflow annotations (stdout).
import { appendFileSync } from 'node:fs';
import { relative, isAbsolute, sep } from 'node:path';
import type { ChalkInstance } from 'chalk';
import { countBySeverity, type Diagnostic } from '../shared/diagnostics.js';
import { githubAnnotations, markdownSummary } from './github.js';

export type Format = 'text' | 'json' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'github'];

export interface Printer {
  out: (s: string) => void;
  err: (s: string) => void;
  color?: ChalkInstance;
}

/** The colours diagnostics use; a chalk instance is one (a CliContext's follows context.ts's rules). */
export interface Painter {
  red(text: string): string;
  yellow(text: string): string;
  blue(text: string): string;
  green(text: string): string;
  dim(text: string): string;
}

const same = (text: string): string => text;
/** No colour, without loading chalk (a command bundle need not carry its own copy, see scripts/bundle.mjs). */
const plain: Painter = { red: same, yellow: same, blue: same, green: same, dim: same };

export function formatText(d: Diagnostic, color: Painter = plain): string {
  const sev = d.severity === 'error' ? color.red(d.severity) : d.severity === 'warning' ? color.yellow(d.severity) : color.blue(d.severity);
  // A problem with the file as a whole (cannot read it) has no position: no made-up :0:0.
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const line = `${where} ${sev} ${color.dim(d.code)} ${d.message}`;
  return d.hint ? `${line}\n    fix: ${d.hint}` : line;
}

/**
 * The path a diagnostic shows: relative to `base` (the working directory, or the repository root for
 * GitHub annotations), with forward slashes; a file outside `base` keeps its absolute path.
 */
export function displayPath(file: string, base: string): string {
  if (!isAbsolute(file)) return file;
  const rel = relative(base, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return file;
  return rel.split(sep).join('/');
}

export function summaryLine(list: readonly Diagnostic[], color: Painter = plain): string {
  const c = countBySeverity(list);
  const parts = `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`;
  return c.error > 0 ? color.red(`invalid: ${parts}`) : color.green(`valid: ${parts}`);
}

/**
 * Prints diagnostics in the chosen format; `extra` is merged into the JSON document. `stepSummary`
 * (github): the $GITHUB_STEP_SUMMARY file the job's summary is appended to.
 */
export function printDiagnostics(
  list: readonly Diagnostic[],
  format: Format,
  printer: Printer,
  extra: Record<string, unknown> = {},
  stepSummary?: string,
): void {
  const color = printer.color ?? plain;
  if (format === 'json') {
    printer.out(JSON.stringify({ ...extra, valid: !list.some((d) => d.severity === 'error'), counts: countBySeverity(list), diagnostics: list }, null, 2));
    return;
  }
  if (format === 'github') {
    const { annotations, overflow } = githubAnnotations(list);
    for (const a of annotations) printer.out(a);
    for (const d of overflow) printer.err(formatText(d, color));
    printer.err(summaryLine(list, color));
    if (stepSummary) appendFileSync(stepSummary, markdownSummary(list, summaryLine(list)));
    return;
  }
  for (const d of list) printer.err(formatText(d, color));
  printer.err(summaryLine(list, color));
}
