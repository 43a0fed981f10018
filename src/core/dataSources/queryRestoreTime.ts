import { describeUnavailable } from "../restore/describeUnavailable";
import { findRestoreTimeRange, nearestRestoreTimeRanges } from "../restore/findRestoreTimeRange";
import { utcDay } from "../restore/parseRestoreTime";
import { RestoreRefusedError } from "../restore/RestoreRefusedError";
import type { ConfigurationLookup } from "./configurationLookup";
import { fetchRestoreTimeRanges } from "./queryOffsiteRestoreTimeRanges";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult, RestoreTimeRange } from "./types";
import { validateCheckRestoreTimeArgs } from "./validateQueryArgs";

/**
 * The restore decision, shared by `checkRestoreTime` and `RestoreGate`: is the instance's cross-region backup
 * restorable to `restoreTime`?
 *
 * It first asks for the restore time's UTC day only, so a long retention period stays one small response, and
 * decides from that answer when one of its ranges contains the time. The API does not document what `date` returns
 * (ranges overlapping the day, clipped to it, or starting on it), so a miss is confirmed against the undated list
 * before refusing: the answer is right under every reading. A confirmation that fails throws an error that says the
 * day's ranges did not contain the time and why the confirmation failed.
 *
 * Requests: the project lookup (once per process, none when a project id is configured), one for the day, and one
 * more only when the day's ranges miss.
 *
 * An unrestorable time is answered with the refusal `message`, or, as `onUnavailable` asks, refused with a
 * {@link RestoreRefusedError} (`"fail"`) or passed to `warn` (`"warn"`, how the caller's surface logs a warning).
 */
export async function queryRestoreTime(
  args: CheckRestoreTimeArgs,
  lookup: ConfigurationLookup,
  warn: (message: string) => void = () => {},
): Promise<CheckRestoreTimeResult> {
  const { where, instanceId, restoreTime, onUnavailable } = validateCheckRestoreTimeArgs(args);
  const { range, ranges } = await decide(where, instanceId, restoreTime, lookup);
  const nearestRanges = nearestRestoreTimeRanges(ranges, restoreTime);
  if (range !== undefined) return { restorable: true, restoreTime, range, ranges, nearestRanges };
  const message = describeUnavailable(instanceId, restoreTime, ranges);
  if (onUnavailable === "fail") throw new RestoreRefusedError(message, instanceId, restoreTime);
  if (onUnavailable === "warn") warn(message);
  return { restorable: false, restoreTime, ranges, nearestRanges, message };
}

/** The range containing the time (if any), and the ranges that decided it. */
async function decide(
  where: ReturnType<typeof validateCheckRestoreTimeArgs>["where"],
  instanceId: string,
  restoreTime: number,
  lookup: ConfigurationLookup,
): Promise<{ range: RestoreTimeRange | undefined; ranges: RestoreTimeRange[] }> {
  const day = utcDay(restoreTime);
  const dayRanges = await fetchRestoreTimeRanges(where, instanceId, day, lookup);
  const onDay = findRestoreTimeRange(dayRanges, restoreTime);
  if (onDay !== undefined) return { range: onDay, ranges: dayRanges };
  let allRanges: Awaited<ReturnType<typeof fetchRestoreTimeRanges>>;
  try {
    allRanges = await fetchRestoreTimeRanges(where, instanceId, undefined, lookup);
  } catch (error) {
    throw new Error(
      `DB instance ${instanceId} looks unrestorable to ${new Date(restoreTime).toISOString()} (${restoreTime}): none of the ${dayRanges.length} restore time range(s) the API returned for ${day} contains that time. Confirming against the full list of ranges failed: ${error instanceof Error ? error.message : String(error)}`,
      { cause: error },
    );
  }
  return { range: findRestoreTimeRange(allRanges, restoreTime), ranges: allRanges };
}
