// Where one result sits among many: the share of a sample strictly below it,
// and equal to it, in whole per cent; and the bins of a histogram.

export interface Placing {
  /** Per cent of the sample strictly below the value, rounded to a whole number. */
  below: number;
  /** Per cent of the sample equal to the value. */
  equal: number;
  /** Sample size. */
  of: number;
}

export function placing(value: number, sample: readonly number[]): Placing {
  if (sample.length === 0) return { below: 0, equal: 0, of: 0 };
  let below = 0;
  let equal = 0;
  for (const x of sample) {
    if (x < value) below += 1;
    else if (x === value) equal += 1;
  }
  return { below: Math.round((100 * below) / sample.length), equal: Math.round((100 * equal) / sample.length), of: sample.length };
}

/** Per cent of the sample strictly below `value` ("better than N% of outcomes"). */
export const percentileRank = (value: number, sample: readonly number[]): number => placing(value, sample).below;

export interface Bin {
  from: number;
  /** Exclusive, except for the last bin, which includes `to`. */
  to: number;
  count: number;
}

/** Equal-width bins over [lo, hi]; values outside are clamped into the end bins. */
export function histogram(values: readonly number[], lo: number, hi: number, bins: number): Bin[] {
  const width = (hi - lo) / bins;
  const out: Bin[] = Array.from({ length: bins }, (_, i) => ({ from: lo + i * width, to: lo + (i + 1) * width, count: 0 }));
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    const i = Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)));
    out[i]!.count += 1;
  }
  return out;
}
