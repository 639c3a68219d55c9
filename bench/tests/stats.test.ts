import { formatSummary, median, percentile, quantile, ratioOf, summarize } from '../harness/stats';

describe('quantiles', () => {
  it('interpolates between ranks like numpy (linear)', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantile([10], 0.99)).toBe(10);
    expect(percentile([5, 1, 4, 2, 3], 0.5)).toBe(3);
  });

  it('takes the median of unsorted values without changing them', () => {
    const values = [9, 1, 5];
    expect(median(values)).toBe(5);
    expect(values).toEqual([9, 1, 5]);
  });

  it('refuses what has no quantile', () => {
    expect(() => quantile([], 0.5)).toThrow('no values');
    expect(() => quantile([1], 1.5)).toThrow('outside');
  });
});

describe('summaries of runs', () => {
  it('keeps the runs in order with their median, quartiles and range', () => {
    expect(summarize([3, 1, 2, 10])).toEqual({ n: 4, median: 2.5, min: 1, max: 10, q1: 1.75, q3: 4.75, samples: [3, 1, 2, 10] });
  });

  it('refuses no runs and runs that are not numbers', () => {
    expect(() => summarize([])).toThrow('no samples');
    expect(() => summarize([1, Number.NaN])).toThrow('not a finite sample');
  });

  it('states a ratio of medians with the widest and narrowest ratios the ranges allow', () => {
    const ratio = ratioOf(summarize([40, 50, 60]), summarize([90, 100, 120]));
    expect(ratio.median).toBeCloseTo(0.5);
    expect(ratio.min).toBeCloseTo(40 / 120);
    expect(ratio.max).toBeCloseTo(60 / 90);
  });

  it('prints a median with its range and the number of runs', () => {
    expect(formatSummary(summarize([1.2, 1.1, 1.4]), (v) => `${v.toFixed(2)} s`)).toBe('1.20 s (1.10 s–1.40 s, n=3)');
    expect(formatSummary(summarize([7]), String)).toBe('7 (n=1)');
  });
});
