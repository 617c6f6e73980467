// How diagnostics reach people and machines: text (stderr, colour only on a TTY), json and GitHub
// workflow annotations (stdout).
import { Chalk } from 'chalk';
import { countBySeverity, type Diagnostic } from '../shared/diagnostics.js';

export type Format = 'text' | 'json' | 'github';
export const FORMATS: readonly Format[] = ['text', 'json', 'github'];

const color = new Chalk({ level: process.stdout.isTTY && process.stderr.isTTY ? 1 : 0 });

export function formatText(d: Diagnostic): string {
  const sev = d.severity === 'error' ? color.red(d.severity) : d.severity === 'warning' ? color.yellow(d.severity) : color.blue(d.severity);
  // A problem with the file as a whole (cannot read it) has no position: no made-up :0:0.
  const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
  const line = `${where} ${sev} ${color.dim(d.code)} ${d.message}`;
  return d.hint ? `${line}\n    fix: ${d.hint}` : line;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::error file=...,line=...,col=...,title=CODE::message` (GitHub Actions workflow command). */
export function formatGithub(d: Diagnostic): string {
  const level = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'notice';
  const props = [`file=${escapeProperty(d.file)}`];
  if (d.line > 0) props.push(`line=${d.line}`, `col=${d.col}`);
  props.push(`title=${escapeProperty(d.code)}`);
  return `::${level} ${props.join(',')}::${escapeData(d.hint ? `${d.message} (fix: ${d.hint})` : d.message)}`;
}

export function summaryLine(list: readonly Diagnostic[]): string {
  const c = countBySeverity(list);
  const parts = `${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info} info`;
  return c.error > 0 ? color.red(`invalid: ${parts}`) : color.green(`valid: ${parts}`);
}

export interface Printer {
  out: (s: string) => void;
  err: (s: string) => void;
}

export const stdio: Printer = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
};

/** Prints diagnostics in the chosen format; `extra` is merged into the JSON document. */
export function printDiagnostics(list: readonly Diagnostic[], format: Format, printer: Printer = stdio, extra: Record<string, unknown> = {}): void {
  if (format === 'json') {
    printer.out(JSON.stringify({ ...extra, valid: !list.some((d) => d.severity === 'error'), counts: countBySeverity(list), diagnostics: list }, null, 2));
    return;
  }
  if (format === 'github') {
    for (const d of list) printer.out(formatGithub(d));
    printer.err(summaryLine(list));
    return;
  }
  for (const d of list) printer.err(formatText(d));
  printer.err(summaryLine(list));
}
