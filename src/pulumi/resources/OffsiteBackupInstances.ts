import * as pulumi from "@pulumi/pulumi";
import {
  getOffsiteBackupInstances,
  validateOffsiteBackupInstancesArgs,
} from "../../core/dataSources/getOffsiteBackupInstances";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteBackupInstancesResult } from "../../core/dataSources/types";
import type { InputsOf, ResultOutputs } from "../derivedTypes";
import { argumentsDigest, dataSourceRegistration, TOKEN_MODULE, withheldOnFailure } from "./dataSourceResource";

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
export class OffsiteBackupInstances extends pulumi.dynamic.Resource {
  constructor(name: string, args: OffsiteBackupInstancesArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const label = `OffsiteBackupInstances "${name}"`;
    const outputNames = Object.keys(getOffsiteBackupInstances.result);
    const [provider, props, options] = dataSourceRegistration(
      {
        kind: "offsiteBackupInstances",
        label,
        args,
        outputNames,
        identify: (plain) => {
          validateOffsiteBackupInstancesArgs(plain);
          // Without a `region` argument the id names the configured region, whatever it is at read time.
          return `offsite-backup-instances:${plain.region ?? "configured-region"}:${argumentsDigest(plain)}`;
        },
      },
      opts,
    );
    super(provider, name, props, options, TOKEN_MODULE, "OffsiteBackupInstances");
    withheldOnFailure(this, label, outputNames);
  }
}
