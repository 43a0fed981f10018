import * as pulumi from "@pulumi/pulumi";
import { validateOffsiteBackupInstancesArgs } from "../../core/dataSources/getOffsiteBackupInstances";
import type { GetOffsiteBackupInstancesArgs, OffsiteBackupInstance } from "../../core/dataSources/types";
import { argumentsDigest, dataSourceRegistration, TOKEN_MODULE, withheldOnFailure } from "./dataSourceResource";

/** {@link GetOffsiteBackupInstancesArgs} with `pulumi.Input` fields. */
export type OffsiteBackupInstancesArgs = {
  [K in keyof GetOffsiteBackupInstancesArgs]: pulumi.Input<GetOffsiteBackupInstancesArgs[K]>;
};

/**
 * Data source: DB instances with cross-region backups in a backup region, as a resource whose outputs are known
 * during `pulumi preview` and re-read by `pulumi refresh`. Same arguments and fields as `getOffsiteBackupInstances`.
 *
 * @example
 * const mysql = new OffsiteBackupInstances("mysql", { region: "ap-southeast-1", datastoreType: "MySQL" });
 * export const ids = mysql.ids;
 */
export class OffsiteBackupInstances extends pulumi.dynamic.Resource {
  /** The region queried: the `region` argument, or the configured region at the time of the read. */
  declare readonly region: pulumi.Output<string>;
  /** Instances matching every filter, in API order. */
  declare readonly instances: pulumi.Output<OffsiteBackupInstance[]>;
  /** Their ids, in the same order. */
  declare readonly ids: pulumi.Output<string[]>;
  /** Instances in the region before filters, as the API counted them. */
  declare readonly totalCount: pulumi.Output<number>;

  constructor(name: string, args: OffsiteBackupInstancesArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const label = `OffsiteBackupInstances "${name}"`;
    const outputNames = ["region", "instances", "ids", "totalCount"];
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
