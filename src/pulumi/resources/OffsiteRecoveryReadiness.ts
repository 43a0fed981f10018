import type * as pulumi from "@pulumi/pulumi";
import { getOffsiteRecoveryReadiness } from "../../core/dataSources/getOffsiteRecoveryReadiness";
import type {
  GetOffsiteRecoveryReadinessArgs,
  GetOffsiteRecoveryReadinessResult,
  RestoreTimeInput,
} from "../../core/dataSources/types";
import type { InputsOf, ResultOutputs } from "../derivedTypes";
import { restoreTimeArgument } from "../restoreTimeInput";
import { argumentsDigest, defineDataSourceResource } from "./dataSourceResource";

/** {@link GetOffsiteRecoveryReadinessArgs} with `pulumi.Input` fields. */
export type OffsiteRecoveryReadinessArgs = InputsOf<GetOffsiteRecoveryReadinessArgs>;

/** The outputs: the results of `getOffsiteRecoveryReadiness`, with their docs. */
export interface OffsiteRecoveryReadiness extends ResultOutputs<GetOffsiteRecoveryReadinessResult> {}

/**
 * Data source: recovery readiness of the backup region, as a resource whose outputs are known during `pulumi preview`
 * and re-read (as of the time of the read, unless `asOf` is given) by `pulumi refresh`. Same arguments and fields as
 * `getOffsiteRecoveryReadiness`; its id derives from the arguments, so it is stable across reads.
 *
 * @example
 * const readiness = new OffsiteRecoveryReadiness("dr", { region: "ap-southeast-1", maxLag: "15m" });
 * export const summary = readiness.summary;
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the outputs are declared by the interface above, from the data source's result type.
export class OffsiteRecoveryReadiness extends defineDataSourceResource(getOffsiteRecoveryReadiness, {
  typeName: "OffsiteRecoveryReadiness",
  kind: "offsiteRecoveryReadiness",
  registeredArgs: (args) =>
    args.asOf === undefined
      ? args
      : { ...args, asOf: restoreTimeArgument(args.asOf as pulumi.Input<RestoreTimeInput>) },
  // Without a `region` argument the id names the configured region, whatever it is at read time.
  id: (_, plain) => `offsite-recovery-readiness:${plain.region ?? "configured-region"}:${argumentsDigest(plain)}`,
}) {
  constructor(name: string, args: OffsiteRecoveryReadinessArgs = {}, opts?: pulumi.CustomResourceOptions) {
    super(name, args, opts);
  }
}
