import type * as pulumi from "@pulumi/pulumi";
import { queryOffsiteBackupInstances } from "../../core/dataSources/getOffsiteBackupInstances";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteBackupInstancesResult } from "../../core/dataSources/types";
import type { InputsOf } from "../derivedTypes";
import { asProgramFunction } from "../program/programError";
import { invokeOutput } from "./invokeOutput";
import { programConfiguration } from "./programConfiguration";

/**
 * DB instances whose backups are copied to the queried (backup) region, filtered client-side by exact match.
 * Runs during `pulumi preview`; settings come from stack config (`huaweicloud-rds-offsite:*`, `huaweicloud:*`) or the
 * environment. `opts` is accepted like every Pulumi function's; with no provider plugin involved, nothing in it applies
 * to a plain call.
 *
 * @example
 * const { ids } = await getOffsiteBackupInstances({ region: "ap-southeast-1", datastoreType: "MySQL" });
 */
export function getOffsiteBackupInstances(
  args?: GetOffsiteBackupInstancesArgs,
  _opts?: pulumi.InvokeOptions,
): Promise<GetOffsiteBackupInstancesResult> {
  return asProgramFunction("getOffsiteBackupInstances", () =>
    queryOffsiteBackupInstances(args, programConfiguration()),
  );
}

/** {@link GetOffsiteBackupInstancesArgs} with `pulumi.Input` fields. */
export type GetOffsiteBackupInstancesOutputArgs = InputsOf<GetOffsiteBackupInstancesArgs>;

/**
 * {@link getOffsiteBackupInstances} for `pulumi.Input` arguments; the result is a `pulumi.Output`. `opts.dependsOn`
 * delays the call until those resources exist (the result is unknown in a preview that creates them).
 *
 * @example
 * const mysql = getOffsiteBackupInstancesOutput({ region: config.require("backupRegion"), datastoreType: "MySQL" });
 * export const mysqlIds = mysql.ids;
 */
export function getOffsiteBackupInstancesOutput(
  args?: GetOffsiteBackupInstancesOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetOffsiteBackupInstancesResult> {
  return invokeOutput(args ?? {}, opts, getOffsiteBackupInstances);
}
