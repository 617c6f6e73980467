// The text diff of the deployed file that `apply --diff` / `--dry-run` print, and the line counts of the plan.
// The diff itself is jsdiff's (`diff` on npm, Myers' algorithm in linear space); this file only renders its
// hunks as a unified diff with our labels and counts the lines. A diff with more edits than `maxEdits` (two
// unrelated files of tens of thousands of lines) is not worth its time: it is skipped and said so, and the
// counts fall back to "every old line removed, every new line added".
import { structuredPatch } from 'diff';

export interface LineDiffStats {
  added: number;
  removed: number;
}

function lineCount(text: string): number {
  if (text === '') return 0;
  const n = text.split('\n').length;
  return text.endsWith('\n') ? n - 1 : n;
}

export function unifiedDiff(
  before: string,
  after: string,
  labels: { before: string; after: string },
  options: { context?: number; maxEdits?: number } = {},
): { text: string; stats: LineDiffStats } {
  if (before === after) return { text: '', stats: { added: 0, removed: 0 } };
  const patch = structuredPatch(labels.before, labels.after, before, after, undefined, undefined, {
    context: options.context ?? 3,
    maxEditLength: options.maxEdits ?? 50_000,
  });
  if (patch === undefined) {
    const stats = { added: lineCount(after), removed: lineCount(before) };
    return { text: `--- ${labels.before}\n+++ ${labels.after}\n(text diff skipped: more than ${options.maxEdits ?? 50_000} lines differ)\n`, stats };
  }
  const stats: LineDiffStats = { added: 0, removed: 0 };
  const out: string[] = [`--- ${labels.before}`, `+++ ${labels.after}`];
  for (const hunk of patch.hunks) {
    // As GNU diff writes it (and jsdiff's own formatPatch): an empty side names the line before it.
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    out.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`);
    for (const line of hunk.lines) {
      if (line.startsWith('+')) stats.added++;
      else if (line.startsWith('-')) stats.removed++;
      out.push(line);
    }
  }
  if (stats.added === 0 && stats.removed === 0) return { text: '', stats };
  return { text: `${out.join('\n')}\n`, stats };
}
