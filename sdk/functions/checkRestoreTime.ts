import * as pulumi from "@pulumi/pulumi";
import { queryRestoreTime } from "../queries/queryRestoreTime";
import type { CheckRestoreTimeArgs, CheckRestoreTimeResult } from "../queries/types";
import { restoreTimeOutput } from "../restore/restoreTimeInput";
import { programConfiguration } from "./programConfiguration";

/**
 * Whether an instance's cross-region backup can be restored to `restoreTime`, asking only for that UTC day.
 *
 * @example
 * const check = await checkRestoreTime({ instanceId, restoreTime: "2026-11-20T03:00:00Z" });
 * if (!check.restorable) throw new pulumi.RunError("cannot restore to that time");
 */
export function checkRestoreTime(args: CheckRestoreTimeArgs): Promise<CheckRestoreTimeResult> {
  return queryRestoreTime(args, programConfiguration());
}

/** {@link CheckRestoreTimeArgs} with `pulumi.Input` fields. */
export type CheckRestoreTimeOutputArgs = { [K in keyof CheckRestoreTimeArgs]: pulumi.Input<CheckRestoreTimeArgs[K]> };

/**
 * {@link checkRestoreTime} for `pulumi.Input` arguments.
 *
 * @example
 * export const restorable = checkRestoreTimeOutput({ instanceId, restoreTime: config.require("restoreTime") }).restorable;
 */
export function checkRestoreTimeOutput(args: CheckRestoreTimeOutputArgs): pulumi.Output<CheckRestoreTimeResult> {
  const { restoreTime, ...rest } = args;
  return pulumi
    .all([pulumi.output(rest), restoreTimeOutput(restoreTime)])
    .apply(([plain, time]) =>
      checkRestoreTime({ ...(plain as Omit<CheckRestoreTimeArgs, "restoreTime">), restoreTime: time }),
    );
}
