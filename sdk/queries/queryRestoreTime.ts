import { findRestoreTimeRange } from "../restore/findRestoreTimeRange";
import { utcDay } from "../restore/parseRestoreTime";
import type { ConfigurationLookup } from "./configurationLookup";
import { fetchRestoreTimeRanges } from "./queryOffsiteRestoreTimeRanges";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult } from "./types";
import { validateCheckRestoreTimeArgs } from "./validateQueryArgs";

/**
 * Asks only for the restore time's UTC day, so a long retention period stays one small response. The API returns
 * every range overlapping that day whole, so a range crossing midnight is found from either side.
 */
export async function queryRestoreTime(
  args: CheckRestoreTimeArgs,
  lookup: ConfigurationLookup,
): Promise<CheckRestoreTimeResult> {
  const { where, instanceId, restoreTime } = validateCheckRestoreTimeArgs(args);
  const ranges = await fetchRestoreTimeRanges(where, instanceId, utcDay(restoreTime), lookup);
  const range = findRestoreTimeRange(ranges, restoreTime);
  return range === undefined
    ? { restorable: false, restoreTime, ranges }
    : { restorable: true, restoreTime, range, ranges };
}
