/** Median of a non-empty sample: robust to the odd slow repetition (GC pause, scheduler hiccup) on a 2-core box. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/** Wall time of `task` in milliseconds (monotonic clock), with its result. */
export async function timed<T>(task: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await task();
  return { ms: performance.now() - started, result };
}

/** One untimed warm-up run (JIT, module loading, keep-alive connections), then `reps` timed runs. */
export async function sample<T>(
  reps: number,
  task: () => Promise<T>,
  check: (result: T) => void = () => {},
): Promise<{ medianMs: number; runsMs: number[] }> {
  check(await task());
  const runsMs: number[] = [];
  for (let rep = 0; rep < reps; rep += 1) {
    const { ms, result } = await timed(task);
    check(result);
    runsMs.push(round(ms));
  }
  return { medianMs: round(median(runsMs)), runsMs };
}

export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
