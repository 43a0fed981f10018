import type * as pulumi from "@pulumi/pulumi";
import { queryOffsiteRecoveryReadiness } from "../../core/dataSources/getOffsiteRecoveryReadiness";
import type {
  GetOffsiteRecoveryReadinessArgs,
  GetOffsiteRecoveryReadinessResult,
  RestoreTimeInput,
} from "../../core/dataSources/types";
import type { InputsOf } from "../derivedTypes";
import { restoreTimeOutput } from "../restoreTimeInput";
import { invokeOutput } from "./invokeOutput";
import { programConfiguration } from "./programConfiguration";

/**
 * Recovery readiness of the backup region: every instance with cross-region backups (the listing's filters apply),
 * its restore time ranges judged against `maxLag` and `minCoverage`, worst first, with a summary. Runs during
 * `pulumi preview`; settings come from stack config or the environment, as for every function of this package.
 *
 * @example
 * const readiness = await getOffsiteRecoveryReadiness({ region: "ap-southeast-1", maxLag: "15m", minCoverage: 0.995 });
 * if (!readiness.ready) throw new Error(`${readiness.summary.total - readiness.summary.ok} instances are not ready`);
 */
export function getOffsiteRecoveryReadiness(
  args?: GetOffsiteRecoveryReadinessArgs,
  _opts?: pulumi.InvokeOptions,
): Promise<GetOffsiteRecoveryReadinessResult> {
  return queryOffsiteRecoveryReadiness(args, programConfiguration());
}

/** {@link GetOffsiteRecoveryReadinessArgs} with `pulumi.Input` fields. */
export type GetOffsiteRecoveryReadinessOutputArgs = InputsOf<GetOffsiteRecoveryReadinessArgs>;

/**
 * {@link getOffsiteRecoveryReadiness} for `pulumi.Input` arguments; the result is a `pulumi.Output`. `opts.dependsOn`
 * delays the call until those resources exist.
 *
 * @example
 * export const summary = getOffsiteRecoveryReadinessOutput({ maxLag: config.get("maxLag") ?? "15m" }).summary;
 */
export function getOffsiteRecoveryReadinessOutput(
  args?: GetOffsiteRecoveryReadinessOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetOffsiteRecoveryReadinessResult> {
  const plain = args ?? {};
  return invokeOutput(
    plain.asOf === undefined
      ? plain
      : { ...plain, asOf: restoreTimeOutput(plain.asOf as pulumi.Input<RestoreTimeInput>) },
    opts,
    getOffsiteRecoveryReadiness,
  );
}
