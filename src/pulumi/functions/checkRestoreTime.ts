import * as pulumi from "@pulumi/pulumi";
import { queryRestoreTime } from "../../core/dataSources/checkRestoreTime";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult } from "../../core/dataSources/types";
import type { InputsOf } from "../derivedTypes";
import { asProgramFunction } from "../program/programError";
import { restoreTimeOutput } from "../restoreTimeInput";
import { invokeOutput } from "./invokeOutput";
import { programConfiguration } from "./programConfiguration";

/**
 * Whether an instance's cross-region backup can be restored to `restoreTime`: the same decision as `RestoreGate`'s.
 * It asks for that UTC day's ranges and, only when none contains the time, confirms against the whole list (2
 * requests for a restorable time, 3 for a refusal, plus one IAM project lookup per process when no project id is
 * configured). An unrestorable time is answered with `message` (the refusal) and `nearestRanges`; `onUnavailable:
 * "fail"` fails the call with that message instead, `"warn"` logs it as a warning. `opts` is accepted like every
 * Pulumi function's; with no provider plugin involved, nothing in it applies to a plain call.
 *
 * @example
 * // Stops the program with the refusal (the time in UTC, the nearest ranges) when the time is not restorable.
 * const check = await checkRestoreTime({ instanceId, restoreTime: "2026-11-20T03:00:00Z", onUnavailable: "fail" });
 */
export function checkRestoreTime(
  args: CheckRestoreTimeArgs,
  _opts?: pulumi.InvokeOptions,
): Promise<CheckRestoreTimeResult> {
  return asProgramFunction("checkRestoreTime", () =>
    queryRestoreTime(args, programConfiguration(), (message) => void pulumi.log.warn(message)),
  );
}

/** {@link CheckRestoreTimeArgs} with `pulumi.Input` fields. */
export type CheckRestoreTimeOutputArgs = InputsOf<CheckRestoreTimeArgs>;

/**
 * {@link checkRestoreTime} for `pulumi.Input` arguments. `opts.dependsOn` delays the call until those resources exist
 * (the result is unknown in a preview that creates them).
 *
 * @example
 * export const restorable = checkRestoreTimeOutput({ instanceId, restoreTime: config.require("restoreTime") }).restorable;
 */
export function checkRestoreTimeOutput(
  args: CheckRestoreTimeOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<CheckRestoreTimeResult> {
  // A Date becomes `{}` inside an Output: carry epoch milliseconds.
  return invokeOutput({ ...args, restoreTime: restoreTimeOutput(args.restoreTime) }, opts, checkRestoreTime);
}
