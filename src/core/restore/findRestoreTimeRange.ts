import type { RestoreTimeInput, RestoreTimeRange } from "../dataSources/types";
import { parseRestoreTime } from "./parseRestoreTime";

/**
 * The range containing `time` (both ends inclusive), or undefined when `time` cannot be restored.
 *
 * @example
 * findRestoreTimeRange(ranges, "2026-11-20T03:00:00Z") // { startTime: …, endTime: … } | undefined
 */
export function findRestoreTimeRange(
  ranges: readonly RestoreTimeRange[],
  time: RestoreTimeInput,
): RestoreTimeRange | undefined {
  const instant = parseRestoreTime(time, "time");
  return ranges.find((range) => range.startTime <= instant && instant <= range.endTime);
}

/**
 * The latest restorable instant (the greatest `endTime`), or undefined when there are no ranges.
 *
 * @example
 * const latest = latestRestorableTime(ranges); // restore "as late as possible"
 */
export function latestRestorableTime(ranges: readonly RestoreTimeRange[]): number | undefined {
  let latest: number | undefined;
  for (const range of ranges) if (latest === undefined || range.endTime > latest) latest = range.endTime;
  return latest;
}

/** The ranges closest to `time` (at most `count`), nearest first: what a refusal message should show. */
export function nearestRestoreTimeRanges(
  ranges: readonly RestoreTimeRange[],
  time: number,
  count = 2,
): RestoreTimeRange[] {
  const distance = (range: RestoreTimeRange) =>
    time < range.startTime ? range.startTime - time : time > range.endTime ? time - range.endTime : 0;
  return [...ranges].sort((a, b) => distance(a) - distance(b)).slice(0, count);
}
