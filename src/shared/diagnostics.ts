// One diagnostic type for every user mistake, from YAML syntax to routing semantics.
// User mistakes are data, not exceptions: every stage returns these and the CLI prints them.

export type Severity = 'error' | 'warning' | 'info';

export interface Diagnostic {
  /** Stable code, `area/name` (e.g. `yaml/duplicate-key`, `route/fallback-cycle`). */
  code: string;
  severity: Severity;
  message: string;
  file: string;
  /** 1-based; 0 when the problem has no position (a missing file, say). */
  line: number;
  col: number;
  /** JSON pointer of the node the diagnostic is about ('' for the document). */
  pointer: string;
  hint?: string;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Sorted by file, then position, then severity, then code: stable output for humans, goldens and CI. */
export function sortDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  return [...list].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.col - b.col ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0) ||
      (a.message < b.message ? -1 : a.message > b.message ? 1 : 0),
  );
}

export function hasErrors(list: readonly Diagnostic[]): boolean {
  return list.some((d) => d.severity === 'error');
}

export function countBySeverity(list: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of list) counts[d.severity]++;
  return counts;
}
