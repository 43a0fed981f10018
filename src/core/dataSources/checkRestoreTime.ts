import { validateInstanceId } from "../client/validation";
import { describeUnavailable } from "../restore/describeUnavailable";
import { findRestoreTimeRange, nearestRestoreTimeRanges } from "../restore/findRestoreTimeRange";
import { type OnUnavailable, validateOnUnavailable } from "../restore/onUnavailable";
import { parseRestoreTime, utcDay } from "../restore/parseRestoreTime";
import { RestoreRefusedError } from "../restore/RestoreRefusedError";
import type { ConfigurationLookup } from "./configurationLookup";
import { checkArguments, defineDataSource, milliseconds, REGION_ARGUMENTS, type Where } from "./definition";
import { fetchRestoreTimeRanges } from "./getOffsiteRestoreTimeRanges";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult, RestoreTimeRange } from "./types";

/** The restore decision: is the backup restorable to a point in time? */
export const checkRestoreTime = defineDataSource({
  name: "checkRestoreTime",
  description:
    "Whether a DB instance's cross-region backup can be restored to `restoreTime`: the restore gate's decision. With `onUnavailable: \"fail\"` the call itself fails with the refusal message when it is not; give the restore `restoreTime` (epoch milliseconds).",
  arguments: {
    ...REGION_ARGUMENTS,
    instanceId: {
      type: { type: "string" },
      required: true,
      validate: validateInstanceId,
      description: "Id of the DB instance to restore.",
      summary: "DB instance whose cross-region backup is queried",
      placeholder: "ID",
    },
    restoreTime: {
      type: { type: "string" },
      tsType: "RestoreTimeInput",
      required: true,
      validate: parseRestoreTime,
      description:
        "The point in time to restore to: ISO-8601 with a zone (`2026-11-20T03:00:00Z`) or epoch milliseconds (digits).",
      summary:
        "ISO-8601 with a zone (2026-11-20T03:00:00Z, 2026-11-20T11:00:00+08:00) or epoch milliseconds (not seconds)",
      placeholder: "TIME",
    },
    onUnavailable: {
      type: { type: "string" },
      tsType: "OnUnavailable",
      required: false,
      validate: validateOnUnavailable,
      description:
        'What an unrestorable time does: `"fail"` fails the call with the refusal message (a program stops with that one line); `"warn"` logs the message as a warning and answers `restorable: false`. Absent: the answer only reports it, in `message`.',
      summary: "What an unrestorable time does: fail or warn (absent: only report it).",
    },
  },
  result: {
    restorable: {
      type: { type: "boolean" },
      required: true,
      description: "Whether a cross-region restore to `restoreTime` is possible.",
    },
    restoreTime: {
      type: milliseconds,
      required: true,
      description: "The requested time, epoch milliseconds (UTC).",
    },
    range: {
      type: { ref: "RestoreTimeRange" },
      required: false,
      description: "The range containing it, when restorable.",
    },
    ranges: {
      type: { type: "array", items: { ref: "RestoreTimeRange" } },
      required: true,
      description:
        "The ranges the decision rests on: those of the restore time's UTC day when one contains it, otherwise the whole undated list (consulted to confirm a miss, and what a refusal names the nearest ranges from).",
    },
    nearestRanges: {
      type: { type: "array", items: { ref: "RestoreTimeRange" } },
      required: true,
      description:
        "The ranges nearest to `restoreTime` (at most two, nearest first; the containing one first when restorable): those a refusal names.",
    },
    message: {
      type: { type: "string" },
      required: false,
      description:
        "When not restorable, the refusal, on one line: the instance, the requested time in UTC, and the nearest available ranges (what `RestoreGate` fails with).",
    },
  },
});

export function validateCheckRestoreTimeArgs(args: unknown): {
  where: Where;
  instanceId: string;
  restoreTime: number;
  onUnavailable: OnUnavailable | undefined;
} {
  const { where, values } = checkArguments(checkRestoreTime, args);
  return {
    where,
    instanceId: values.instanceId as string,
    restoreTime: values.restoreTime as number,
    onUnavailable: values.onUnavailable as OnUnavailable | undefined,
  };
}

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
