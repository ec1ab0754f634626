export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return round(sorted[index] as number);
}

export const median = (values: number[]) => percentile(values, 0.5);

export const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
