import * as pulumi from "@pulumi/pulumi";
import { validateOffsiteRecoveryReadinessArgs } from "../../core/dataSources/getOffsiteRecoveryReadiness";
import type {
  GetOffsiteRecoveryReadinessArgs,
  InstanceReadiness,
  ReadinessSummary,
  RestoreTimeInput,
} from "../../core/dataSources/types";
import { restoreTimeArgument } from "../restoreTimeInput";
import { argumentsDigest, dataSourceRegistration, TOKEN_MODULE, withheldOnFailure } from "./dataSourceResource";

/** {@link GetOffsiteRecoveryReadinessArgs} with `pulumi.Input` fields. */
export type OffsiteRecoveryReadinessArgs = {
  [K in keyof GetOffsiteRecoveryReadinessArgs]: pulumi.Input<GetOffsiteRecoveryReadinessArgs[K]>;
};

/**
 * Data source: recovery readiness of the backup region, as a resource whose outputs are known during `pulumi preview`
 * and re-read (as of the time of the read, unless `asOf` is given) by `pulumi refresh`. Same arguments and fields as
 * `getOffsiteRecoveryReadiness`; its id derives from the arguments, so it is stable across reads.
 *
 * @example
 * const readiness = new OffsiteRecoveryReadiness("dr", { region: "ap-southeast-1", maxLag: "15m" });
 * export const summary = readiness.summary;
 */
export class OffsiteRecoveryReadiness extends pulumi.dynamic.Resource {
  /** The region queried. */
  declare readonly region: pulumi.Output<string>;
  /** The instant readiness was judged at, epoch milliseconds. */
  declare readonly asOf: pulumi.Output<number>;
  declare readonly maxLagMs: pulumi.Output<number>;
  declare readonly minCoverage: pulumi.Output<number>;
  declare readonly minGapMs: pulumi.Output<number>;
  /** Whether every instance's status is `ok`. */
  declare readonly ready: pulumi.Output<boolean>;
  /** How many instances are in each status, and the worst lag. */
  declare readonly summary: pulumi.Output<ReadinessSummary>;
  /** Every instance the filters keep, worst first. */
  declare readonly instances: pulumi.Output<InstanceReadiness[]>;

  constructor(name: string, args: OffsiteRecoveryReadinessArgs = {}, opts?: pulumi.CustomResourceOptions) {
    const label = `OffsiteRecoveryReadiness "${name}"`;
    const outputNames = ["region", "asOf", "maxLagMs", "minCoverage", "minGapMs", "ready", "summary", "instances"];
    const [provider, props, options] = dataSourceRegistration(
      {
        kind: "offsiteRecoveryReadiness",
        label,
        args:
          args.asOf === undefined
            ? args
            : { ...args, asOf: restoreTimeArgument(args.asOf as pulumi.Input<RestoreTimeInput>) },
        outputNames,
        identify: (plain) => {
          validateOffsiteRecoveryReadinessArgs(plain);
          // Without a `region` argument the id names the configured region, whatever it is at read time.
          return `offsite-recovery-readiness:${plain.region ?? "configured-region"}:${argumentsDigest(plain)}`;
        },
      },
      opts,
    );
    super(provider, name, props, options, TOKEN_MODULE, "OffsiteRecoveryReadiness");
    withheldOnFailure(this, label, outputNames);
  }
}
