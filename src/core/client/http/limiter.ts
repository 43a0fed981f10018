import type { LimitFunction } from "p-limit";
import { loadPLimit } from "./esmDependencies";

// Created once, synchronously on the first call: every caller awaits this same promise, so the calls that arrive
// while p-limit is still being imported (the first burst of a `pulumi preview`) share one limiter too.
let limiter: Promise<LimitFunction> | undefined;

/**
 * Runs `task` under the one limiter of this process, so every data source, listing page and project lookup together
 * stay within `maxConcurrency` requests in flight. The most recent setting wins (Pulumi runs one program per
 * process, so there is normally one value).
 */
export async function runLimited<T>(maxConcurrency: number, task: () => Promise<T>): Promise<T> {
  limiter ??= loadPLimit().then((pLimit) => pLimit(maxConcurrency));
  const limit = await limiter;
  if (limit.concurrency !== maxConcurrency) limit.concurrency = maxConcurrency;
  return limit(task);
}
