import * as pulumi from "@pulumi/pulumi";
import { queryOffsiteRestoreTimeRanges } from "../queries/queryOffsiteRestoreTimeRanges";
import type { GetOffsiteRestoreTimeRangesArgs, GetOffsiteRestoreTimeRangesResult } from "../queries/types";
import { programConfiguration } from "./programConfiguration";

/**
 * Time ranges a cross-region backup can be restored to (epoch ms, UTC, both ends inclusive).
 *
 * @example
 * const { ranges } = await getOffsiteRestoreTimeRanges({ instanceId: "ed7c…in01", date: "2026-11-20" });
 */
export function getOffsiteRestoreTimeRanges(
  args: GetOffsiteRestoreTimeRangesArgs,
): Promise<GetOffsiteRestoreTimeRangesResult> {
  return queryOffsiteRestoreTimeRanges(args, programConfiguration());
}

/** {@link GetOffsiteRestoreTimeRangesArgs} with `pulumi.Input` fields. */
export type GetOffsiteRestoreTimeRangesOutputArgs = {
  [K in keyof GetOffsiteRestoreTimeRangesArgs]: pulumi.Input<GetOffsiteRestoreTimeRangesArgs[K]>;
};

/**
 * {@link getOffsiteRestoreTimeRanges} for `pulumi.Input` arguments.
 *
 * @example
 * export const ranges = getOffsiteRestoreTimeRangesOutput({ instanceId: instances.ids[0] }).ranges;
 */
export function getOffsiteRestoreTimeRangesOutput(
  args: GetOffsiteRestoreTimeRangesOutputArgs,
): pulumi.Output<GetOffsiteRestoreTimeRangesResult> {
  return pulumi.output(args).apply((plain) => getOffsiteRestoreTimeRanges(plain as GetOffsiteRestoreTimeRangesArgs));
}
