import type * as pulumi from "@pulumi/pulumi";
import { getOffsiteRestoreTimeRanges } from "../../core/dataSources/getOffsiteRestoreTimeRanges";
import type { GetOffsiteRestoreTimeRangesArgs, GetOffsiteRestoreTimeRangesResult } from "../../core/dataSources/types";
import type { InputsOf, ResultOutputs } from "../derivedTypes";
import { defineDataSourceResource, placeOf } from "./dataSourceResource";

/** {@link GetOffsiteRestoreTimeRangesArgs} with `pulumi.Input` fields. */
export type OffsiteRestoreTimeRangesArgs = InputsOf<GetOffsiteRestoreTimeRangesArgs>;

/** The outputs: the results of `getOffsiteRestoreTimeRanges`, with their docs. */
export interface OffsiteRestoreTimeRanges extends ResultOutputs<GetOffsiteRestoreTimeRangesResult> {}

/**
 * Data source: the restore time ranges of an instance's cross-region backup, known during `pulumi preview`.
 * Same arguments and fields as `getOffsiteRestoreTimeRanges`.
 *
 * @example
 * const ranges = new OffsiteRestoreTimeRanges("orders-db", { instanceId, date: "2026-11-20" });
 * export const latest = ranges.ranges.apply(latestRestorableTime);
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the outputs are declared by the interface above, from the data source's result type.
export class OffsiteRestoreTimeRanges extends defineDataSourceResource(getOffsiteRestoreTimeRanges, {
  typeName: "OffsiteRestoreTimeRanges",
  kind: "offsiteRestoreTimeRanges",
  id: ({ where, values: { instanceId, date } }) => {
    const place = placeOf(where);
    return `offsite-restore-time:${instanceId}${date ? `@${date}` : ""}${place ? `:${place}` : ""}`;
  },
}) {
  constructor(name: string, args: OffsiteRestoreTimeRangesArgs, opts?: pulumi.CustomResourceOptions) {
    super(name, args, opts);
  }
}
