'use strict';
/** Order statistics over raw samples (nearest-rank percentiles), and ratios. */

const percentile = (sorted, p) => {
  if (!sorted.length) return null;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
};

const summarize = (samples, fields = ['median', 'p95', 'p99', 'mean', 'min', 'max']) => {
  const sorted = Float64Array.from(samples).sort();
  const all = {
    median: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? sorted.reduce((sum, value) => sum + value, 0) / sorted.length : null,
    min: sorted.length ? sorted[0] : null,
    max: sorted.length ? sorted[sorted.length - 1] : null,
  };
  return Object.fromEntries(fields.map((field) => [field, all[field]]));
};

const median = (values) => percentile(Float64Array.from(values).sort(), 50);

const ratio = (value, baseline) => (value == null || !baseline ? null : value / baseline);

module.exports = { percentile, summarize, median, ratio };
