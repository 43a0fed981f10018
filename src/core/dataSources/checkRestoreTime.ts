import { validateInstanceId } from "../client/validation";
import { validateOnUnavailable } from "../restore/onUnavailable";
import { parseRestoreTime } from "../restore/parseRestoreTime";
import type { DataSourceDefinition } from "./definition";
import { REGION_ARGUMENTS } from "./regionArguments";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult } from "./types";

/** The restore decision: is the backup restorable to a point in time? */
export const checkRestoreTime: DataSourceDefinition<CheckRestoreTimeArgs, CheckRestoreTimeResult> = {
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
    },
    restoreTime: {
      type: { type: "string" },
      tsType: "RestoreTimeInput",
      required: true,
      validate: parseRestoreTime,
      description:
        "The point in time to restore to: ISO-8601 with a zone (`2026-11-20T03:00:00Z`) or epoch milliseconds (digits).",
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
      type: { type: "integer" },
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
};
