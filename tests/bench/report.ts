// One JSON object per line, as `npm run bench` promises. Every metric carries a baseline measured
// in the same run; one that genuinely cannot have one says why in `note`.
export interface Metric {
  metric: string;
  value: number;
  unit: string;
  baseline: number | null;
  ratio: number | null;
  note?: string;
}

export function emit(metric: string, value: number, unit: string, baseline: number | null, note?: string): Metric {
  if (baseline === null && !note) throw new Error(`${metric} has no baseline and no note saying why`);
  const round = (n: number) => Math.round(n * 1000) / 1000;
  const line: Metric = {
    metric,
    value: round(value),
    unit,
    baseline: baseline === null ? null : round(baseline),
    ratio: baseline === null || baseline === 0 ? null : round(value / baseline),
    ...(note ? { note } : {}),
  };
  console.log(JSON.stringify(line));
  return line;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function timeMs(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}
