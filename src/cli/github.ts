// `--format github`: diagnostics as GitHub Actions workflow annotations, kept to what a reviewer must see.
// GitHub shows 10 annotations of each kind (error, warning, notice) per step and drops the rest silently,
// so: errors and warnings first, one notice for every expected unset-variable warning (CI has no provider
// keys), the overflow as plain log lines with a note saying so, and everything in the job's step summary
// ($GITHUB_STEP_SUMMARY) when there is one.
import type { Diagnostic } from '../shared/diagnostics.js';

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;

// Unset variables: expected where a job has no provider keys (pull requests), so grouped into one notice.
const UNSET_CODES = new Set(['env/unset', 'auth/master-key-unset']);
const expectedUnset = (d: Diagnostic): boolean => UNSET_CODES.has(d.code) && d.severity === 'warning';

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

function unsetVariable(d: Diagnostic): string | undefined {
  return /variable (\w+)/.exec(d.message)?.[1];
}

/** One notice standing for every unset-variable warning, at the first of them. */
function envNotice(warnings: readonly Diagnostic[]): Diagnostic | undefined {
  const first = warnings[0];
  if (!first) return undefined;
  const names = [...new Set(warnings.map((d) => unsetVariable(d) ?? d.message))];
  return {
    ...first,
    severity: 'info',
    message:
      `${names.length} environment variable${names.length === 1 ? ' is' : 's are'} not set in this job: ${names.join(', ')}. ` +
      'Expected where provider keys are not available (pull requests); where the proxy runs, deployments needing them are disabled until they are set.',
    hint: 'set them in the environment that runs rmctl apply / rmctl serve; `rmctl validate --strict` there makes this an error',
  };
}

/** The workflow commands for a list of diagnostics, within GitHub's per-step limits. */
export function githubAnnotations(list: readonly Diagnostic[]): { annotations: string[]; overflow: Diagnostic[] } {
  const expectedEnv = list.filter(expectedUnset);
  const rest = list.filter((d) => !expectedUnset(d));
  const notice = envNotice(expectedEnv);
  const ordered = [...rest, ...(notice ? [notice] : [])];
  const annotations: string[] = [];
  const overflow: Diagnostic[] = [];
  for (const severity of ['error', 'warning', 'info'] as const) {
    const ofKind = ordered.filter((d) => d.severity === severity);
    const shown = ofKind.length > ANNOTATIONS_PER_KIND ? ofKind.slice(0, ANNOTATIONS_PER_KIND - 1) : ofKind;
    for (const d of shown) annotations.push(formatGithub(d));
    const hidden = ofKind.slice(shown.length);
    if (hidden.length > 0) {
      overflow.push(...hidden);
      const kind = severity === 'info' ? 'notice' : severity;
      annotations.push(`::${kind} title=rmctl validate::${hidden.length} more ${kind}s not annotated (GitHub shows ${ANNOTATIONS_PER_KIND} per step): see the step log or the job summary`);
    }
  }
  return { annotations, overflow };
}

/** The job summary's section (Markdown): every diagnostic, annotated or not. */
export function markdownSummary(list: readonly Diagnostic[], summary: string): string {
  const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = ['### rmctl validate', '', summary, ''];
  if (list.length > 0) {
    lines.push('| severity | where | code | message |', '| --- | --- | --- | --- |');
    for (const d of list) {
      const where = d.line > 0 ? `${d.file}:${d.line}:${d.col}` : d.file;
      lines.push(`| ${d.severity} | ${cell(where)} | ${cell(d.code)} | ${cell(d.hint ? `${d.message} (fix: ${d.hint})` : d.message)} |`);
    }
  }
  return lines.join('\n') + '\n\n';
}
