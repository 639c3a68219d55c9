// Medians and spreads of repeated measurements: every figure in the report is a Summary of several runs.

export interface Summary {
  /** How many runs. */
  n: number;
  median: number;
  min: number;
  max: number;
  /** First and third quartiles (linear interpolation between ranks, as numpy's default). */
  q1: number;
  q3: number;
  /** The runs in the order they were measured. */
  samples: number[];
}

/** The q-quantile (0..1) of values sorted ascending, interpolating linearly between ranks. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new Error('quantile of no values');
  if (q < 0 || q > 1) throw new Error(`quantile ${q} is outside 0..1`);
  const rank = (sorted.length - 1) * q;
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (rank - lower);
}

export function median(values: readonly number[]): number {
  return quantile([...values].sort((a, b) => a - b), 0.5);
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) throw new Error('no samples to summarize');
  if (samples.some((value) => !Number.isFinite(value))) throw new Error(`not a finite sample in ${samples.join(', ')}`);
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    min: sorted[0],
    max: sorted[sorted.length - 1],
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    samples: [...samples],
  };
}

/** The ratio of two summaries' medians, with the widest and narrowest ratios their ranges allow. */
export function ratioOf(numerator: Summary, denominator: Summary): { median: number; min: number; max: number } {
  return {
    median: numerator.median / denominator.median,
    min: numerator.min / denominator.max,
    max: numerator.max / denominator.min,
  };
}

/** "1.23 s (1.10–1.40, n=5)": a median with its min–max range. */
export function formatSummary(summary: Summary, format: (value: number) => string): string {
  if (summary.n === 1) return `${format(summary.median)} (n=1)`;
  return `${format(summary.median)} (${format(summary.min)}–${format(summary.max)}, n=${summary.n})`;
}

/** Percentiles of one run's latencies (ms), e.g. every request of an intake run. */
export function percentile(values: readonly number[], q: number): number {
  return quantile([...values].sort((a, b) => a - b), q);
}
