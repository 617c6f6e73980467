// Small statistics for the report: medians over repetitions, paired ratios and differences.

export function median(xs) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export function percentile(xs, p) {
  const v = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return NaN;
  const i = Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1));
  return v[i];
}

/** Median over repetitions of target/reference, each pair taken from the same repetition. */
export function pairedRatio(values, refs) {
  const r = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && Number.isFinite(refs[i]) && refs[i] !== 0) r.push(values[i] / refs[i]);
  return median(r);
}

/** Median over repetitions of target - reference, paired within each repetition. */
export function pairedDiff(values, refs) {
  const r = [];
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i]) && Number.isFinite(refs[i])) r.push(values[i] - refs[i]);
  return median(r);
}

/** Least-squares slope of y over x. */
export function slope(xs, ys) {
  const n = xs.length;
  if (n < 2) return NaN;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  for (let i = 0; i < n; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return den === 0 ? NaN : num / den;
}

export function fmt(x, digits = 2) {
  if (!Number.isFinite(x)) return '-';
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 100) return x.toFixed(Math.min(digits, 1));
  return x.toFixed(digits);
}

export function table(rows) {
  const widths = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ')).join('\n');
}
