import * as pulumi from "@pulumi/pulumi";
import { validateOffsiteRestoreTimeRangesArgs } from "../../core/dataSources/getOffsiteRestoreTimeRanges";
import type { GetOffsiteRestoreTimeRangesArgs, RestoreTimeRange } from "../../core/dataSources/types";
import { dataSourceRegistration, TOKEN_MODULE, withheldOnFailure } from "./dataSourceResource";

/** {@link GetOffsiteRestoreTimeRangesArgs} with `pulumi.Input` fields. */
export type OffsiteRestoreTimeRangesArgs = {
  [K in keyof GetOffsiteRestoreTimeRangesArgs]: pulumi.Input<GetOffsiteRestoreTimeRangesArgs[K]>;
};

/**
 * Data source: the restore time ranges of an instance's cross-region backup, known during `pulumi preview`.
 * Same arguments and fields as `getOffsiteRestoreTimeRanges`.
 *
 * @example
 * const ranges = new OffsiteRestoreTimeRanges("orders-db", { instanceId, date: "2026-11-20" });
 * export const latest = ranges.ranges.apply(latestRestorableTime);
 */
export class OffsiteRestoreTimeRanges extends pulumi.dynamic.Resource {
  declare readonly instanceId: pulumi.Output<string>;
  declare readonly date: pulumi.Output<string | undefined>;
  /** Restorable ranges (epoch ms, UTC, both ends inclusive) as the API returns them. */
  declare readonly ranges: pulumi.Output<RestoreTimeRange[]>;

  constructor(name: string, args: OffsiteRestoreTimeRangesArgs, opts?: pulumi.CustomResourceOptions) {
    const label = `OffsiteRestoreTimeRanges "${name}"`;
    const outputNames = ["instanceId", "date", "ranges"];
    const [provider, props, options] = dataSourceRegistration(
      {
        kind: "offsiteRestoreTimeRanges",
        label,
        args,
        outputNames,
        identify: (plain) => {
          const { where, instanceId, date } = validateOffsiteRestoreTimeRangesArgs(plain);
          const place = [where.region, where.projectId].filter((part) => part !== undefined).join("/");
          return `offsite-restore-time:${instanceId}${date ? `@${date}` : ""}${place ? `:${place}` : ""}`;
        },
      },
      opts,
    );
    super(provider, name, props, options, TOKEN_MODULE, "OffsiteRestoreTimeRanges");
    withheldOnFailure(this, label, outputNames);
  }
}
