// Summaries and the printed table. Medians, not means: on a shared 2-core machine one stalled run
// would drag a mean, while the median of 10+ runs stays put.

export function summarize(samples) {
  const xs = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return { n: 0, median: NaN, min: NaN, max: NaN, samples };
  const mid = xs.length >> 1;
  const median = xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
  return { n: xs.length, median: round(median), min: round(xs[0]), max: round(xs.at(-1)), samples: samples.map(round) };
}

export const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

/** Pads columns to their widest cell; the first column left-aligned, numbers right-aligned. */
export function table(header, rows) {
  const cells = [header, ...rows].map((r) => r.map((c) => (c === undefined || c === null ? '' : String(c))));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]?.length ?? 0)));
  const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** One table row for a timing: label, median, min, max, n, and a note (budget verdict, unit…). */
export function timingRow(label, s, note = '') {
  return [label, fmt(s.median), fmt(s.min), fmt(s.max), s.n, note];
}

const fmt = (x) => (Number.isFinite(x) ? x.toFixed(1) : 'n/a');
