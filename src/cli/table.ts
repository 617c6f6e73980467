// Plain-text tables for people: columns padded to their widest cell, two spaces apart.

export function alignColumns(rows: readonly (readonly string[])[]): string[] {
  const [first] = rows;
  if (first === undefined) return [];
  const widths = first.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  // A cell past the first row's width is left as it is (no width to pad it to).
  return rows.map((r) => r.map((v, i) => v.padEnd(widths[i] ?? 0)).join('  ').trimEnd());
}
