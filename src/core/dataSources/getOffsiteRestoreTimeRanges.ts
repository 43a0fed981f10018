import { validateDate, validateInstanceId } from "../client/validation";
import type { DataSourceDefinition } from "./definition";
import { REGION_ARGUMENTS } from "./regionArguments";
import type { GetOffsiteRestoreTimeRangesArgs, GetOffsiteRestoreTimeRangesResult } from "./types";

const ranges = { type: "array", items: { ref: "RestoreTimeRange" } } as const;

/** Time ranges a cross-region backup can be restored to. */
export const getOffsiteRestoreTimeRanges: DataSourceDefinition<
  GetOffsiteRestoreTimeRangesArgs,
  GetOffsiteRestoreTimeRangesResult
> = {
  name: "getOffsiteRestoreTimeRanges",
  description:
    "Time ranges a DB instance's cross-region backup can be restored to (epoch milliseconds, UTC, both ends inclusive).",
  arguments: {
    ...REGION_ARGUMENTS,
    instanceId: {
      type: { type: "string" },
      required: true,
      validate: validateInstanceId,
      description: "Id of the DB instance whose cross-region backup is queried.",
    },
    date: {
      type: { type: "string" },
      required: false,
      validate: validateDate,
      description: "A UTC day, `yyyy-mm-dd`: only ranges overlapping it. Advised for long retention periods.",
    },
  },
  result: {
    instanceId: { type: { type: "string" }, required: true, description: "The DB instance queried." },
    date: { type: { type: "string" }, required: false, description: "The day asked for, when one was." },
    ranges: { type: ranges, required: true, description: "Restorable ranges as the API returns them." },
  },
};
