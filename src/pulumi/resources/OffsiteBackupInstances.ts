import type * as pulumi from "@pulumi/pulumi";
import { getOffsiteBackupInstances } from "../../core/dataSources/getOffsiteBackupInstances";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteBackupInstancesResult } from "../../core/dataSources/types";
import type { InputsOf, ResultOutputs } from "../derivedTypes";
import { argumentsDigest, defineDataSourceResource } from "./dataSourceResource";

/** {@link GetOffsiteBackupInstancesArgs} with `pulumi.Input` fields. */
export type OffsiteBackupInstancesArgs = InputsOf<GetOffsiteBackupInstancesArgs>;

/** The outputs: the results of `getOffsiteBackupInstances`, with their docs. */
export interface OffsiteBackupInstances extends ResultOutputs<GetOffsiteBackupInstancesResult> {}

/**
 * Data source: DB instances with cross-region backups in a backup region, as a resource whose outputs are known
 * during `pulumi preview` and re-read by `pulumi refresh`. Same arguments and fields as `getOffsiteBackupInstances`.
 *
 * @example
 * const mysql = new OffsiteBackupInstances("mysql", { region: "ap-southeast-1", datastoreType: "MySQL" });
 * export const ids = mysql.ids;
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the outputs are declared by the interface above, from the data source's result type.
export class OffsiteBackupInstances extends defineDataSourceResource(getOffsiteBackupInstances, {
  typeName: "OffsiteBackupInstances",
  kind: "offsiteBackupInstances",
  // Without a `region` argument the id names the configured region, whatever it is at read time.
  id: (_, plain) => `offsite-backup-instances:${plain.region ?? "configured-region"}:${argumentsDigest(plain)}`,
}) {
  constructor(name: string, args: OffsiteBackupInstancesArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(name, args, opts);
  }
}
