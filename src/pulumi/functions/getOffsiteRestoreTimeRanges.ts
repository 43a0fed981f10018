import type * as pulumi from "@pulumi/pulumi";
import { queryOffsiteRestoreTimeRanges } from "../../core/dataSources/getOffsiteRestoreTimeRanges";
import type { GetOffsiteRestoreTimeRangesArgs, GetOffsiteRestoreTimeRangesResult } from "../../core/dataSources/types";
import type { InputsOf } from "../derivedTypes";
import { asProgramFunction } from "../program/programError";
import { invokeOutput } from "./invokeOutput";
import { programConfiguration } from "./programConfiguration";

/**
 * Time ranges a cross-region backup can be restored to (epoch ms, UTC, both ends inclusive). `opts` is accepted like
 * every Pulumi function's; with no provider plugin involved, nothing in it applies to a plain call.
 *
 * @example
 * const { ranges } = await getOffsiteRestoreTimeRanges({ instanceId: "ed7c…in01", date: "2026-11-20" });
 */
export function getOffsiteRestoreTimeRanges(
  args: GetOffsiteRestoreTimeRangesArgs,
  _opts?: pulumi.InvokeOptions,
): Promise<GetOffsiteRestoreTimeRangesResult> {
  return asProgramFunction("getOffsiteRestoreTimeRanges", () =>
    queryOffsiteRestoreTimeRanges(args, programConfiguration()),
  );
}

/** {@link GetOffsiteRestoreTimeRangesArgs} with `pulumi.Input` fields. */
export type GetOffsiteRestoreTimeRangesOutputArgs = InputsOf<GetOffsiteRestoreTimeRangesArgs>;

/**
 * {@link getOffsiteRestoreTimeRanges} for `pulumi.Input` arguments. `opts.dependsOn` delays the call until those
 * resources exist (the result is unknown in a preview that creates them).
 *
 * @example
 * export const ranges = getOffsiteRestoreTimeRangesOutput({ instanceId: instances.ids[0] }).ranges;
 */
export function getOffsiteRestoreTimeRangesOutput(
  args: GetOffsiteRestoreTimeRangesOutputArgs,
  opts?: pulumi.InvokeOutputOptions,
): pulumi.Output<GetOffsiteRestoreTimeRangesResult> {
  return invokeOutput(args, opts, getOffsiteRestoreTimeRanges);
}
