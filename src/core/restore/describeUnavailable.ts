import type { RestoreTimeRange } from "../dataSources/types";
import { nearestRestoreTimeRanges } from "./findRestoreTimeRange";

/** One message a person can act on: which instance, which instant in UTC, and where restoring is possible. */
export function describeUnavailable(
  instanceId: string,
  restoreTime: number,
  ranges: readonly RestoreTimeRange[],
): string {
  const nearest = nearestRestoreTimeRanges(ranges, restoreTime);
  const available =
    nearest.length === 0
      ? "The cross-region backup has no restorable time range at all."
      : `Nearest available range${nearest.length > 1 ? "s" : ""} (UTC): ${nearest.map(formatRange).join("; ")}.`;
  return `Cannot restore DB instance ${instanceId} to ${iso(restoreTime)} (${restoreTime}): no restore time range of its cross-region backup contains that time. ${available}`;
}

function formatRange(range: RestoreTimeRange): string {
  return `${iso(range.startTime)} – ${iso(range.endTime)}`;
}

function iso(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString();
}
