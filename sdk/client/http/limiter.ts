import type { LimitFunction } from "p-limit";
import { loadPLimit } from "./esmDependencies";

let limit: LimitFunction | undefined;

/**
 * Runs `task` under the one limiter of this process, so every data source, listing page and project lookup together
 * stay within `maxConcurrency` requests in flight. The most recent setting wins (Pulumi runs one program per
 * process, so there is normally one value).
 */
export async function runLimited<T>(maxConcurrency: number, task: () => Promise<T>): Promise<T> {
  limit ??= (await loadPLimit())(maxConcurrency);
  if (limit.concurrency !== maxConcurrency) limit.concurrency = maxConcurrency;
  return limit(task);
}

/** Requests waiting for or holding a slot of the process-wide limiter. */
export function limiterLoad(): { active: number; pending: number } {
  return { active: limit?.activeCount ?? 0, pending: limit?.pendingCount ?? 0 };
}
