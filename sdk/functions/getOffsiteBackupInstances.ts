import * as pulumi from "@pulumi/pulumi";
import { queryOffsiteBackupInstances } from "../queries/queryOffsiteBackupInstances";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteBackupInstancesResult } from "../queries/types";
import { programConfiguration } from "./programConfiguration";

/**
 * DB instances whose backups are copied to the queried (backup) region, filtered client-side by exact match.
 * Runs during `pulumi preview`; credentials come from stack config `huaweicloud:*` or the environment.
 *
 * @example
 * const { ids } = await getOffsiteBackupInstances({ region: "ap-southeast-1", datastoreType: "MySQL" });
 */
export function getOffsiteBackupInstances(
  args?: GetOffsiteBackupInstancesArgs,
): Promise<GetOffsiteBackupInstancesResult> {
  return queryOffsiteBackupInstances(args, programConfiguration());
}

/** {@link GetOffsiteBackupInstancesArgs} with `pulumi.Input` fields. */
export type GetOffsiteBackupInstancesOutputArgs = {
  [K in keyof GetOffsiteBackupInstancesArgs]: pulumi.Input<GetOffsiteBackupInstancesArgs[K]>;
};

/**
 * {@link getOffsiteBackupInstances} for `pulumi.Input` arguments; the result is a `pulumi.Output`.
 *
 * @example
 * const mysql = getOffsiteBackupInstancesOutput({ region: config.require("backupRegion"), datastoreType: "MySQL" });
 * export const mysqlIds = mysql.ids;
 */
export function getOffsiteBackupInstancesOutput(
  args?: GetOffsiteBackupInstancesOutputArgs,
): pulumi.Output<GetOffsiteBackupInstancesResult> {
  return pulumi.output(args ?? {}).apply((plain) => getOffsiteBackupInstances(plain as GetOffsiteBackupInstancesArgs));
}
