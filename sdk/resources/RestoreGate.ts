import * as pulumi from "@pulumi/pulumi";
import { getOffsiteRestoreTimeRanges } from "../functions/getOffsiteRestoreTimeRanges";
import type { RestoreTimeInput, RestoreTimeRange } from "../queries/types";
import { findRestoreTimeRange } from "../restore/findRestoreTimeRange";
import { parseRestoreTime, utcDay } from "../restore/parseRestoreTime";
import { restoreTimeOutput } from "../restore/restoreTimeInput";
import { describeUnavailable } from "./describeUnavailable";
import { OffsiteRestoreTimeRanges } from "./OffsiteRestoreTimeRanges";

export interface RestoreGateArgs {
  /** Source DB instance whose cross-region backup would be restored. */
  instanceId: pulumi.Input<string>;
  /** Point in time to restore to: ISO-8601 with a zone, epoch milliseconds, or a Date. */
  restoreTime: pulumi.Input<RestoreTimeInput>;
  /** Backup (destination) region. Defaults to `huaweicloud:region` / `HW_REGION_NAME`. */
  region?: pulumi.Input<string>;
  /** Project id of `region`; looked up through IAM when absent. */
  projectId?: pulumi.Input<string>;
  /** What an unrestorable time does: `"fail"` fails `pulumi preview`/`up`; `"warn"` logs and sets `restorable` false. @default "fail" */
  onUnavailable?: pulumi.Input<"fail" | "warn">;
}

/** The shape Huawei's point-in-time restore APIs take (`huaweicloud_rds_restore` with `type = "timestamp"`). */
export interface RestorePoint {
  readonly instanceId: string;
  readonly type: "timestamp";
  /** Epoch milliseconds, UTC. */
  readonly restoreTime: number;
}

/**
 * Refuses (or warns about) a point-in-time restore before anything is deployed: during `pulumi preview` it reads the
 * cross-region backup's restore ranges for the restore time's UTC day and checks the time against them.
 *
 * Feed `restorePoint` into the restore resource: it is only set when the time is restorable, so nothing downstream
 * can be deployed with a time the gate refused.
 *
 * @example
 * const gate = new RestoreGate("orders-restore", { instanceId, restoreTime: "2026-11-20T03:00:00Z" });
 * // new huaweicloud.rds.Instance(..., { restore: { instanceId: gate.restorePoint.instanceId, ... } })
 */
export class RestoreGate extends pulumi.ComponentResource {
  declare readonly restorable: pulumi.Output<boolean>;
  /** The requested time, epoch milliseconds (UTC). */
  declare readonly restoreTime: pulumi.Output<number>;
  /** The range containing the restore time, when restorable. */
  declare readonly range: pulumi.Output<RestoreTimeRange | undefined>;
  /** The ranges consulted (those of the restore time's UTC day). */
  declare readonly ranges: pulumi.Output<RestoreTimeRange[]>;
  /** Set only when restorable. */
  declare readonly restorePoint: pulumi.Output<RestorePoint | undefined>;

  constructor(name: string, args: RestoreGateArgs, opts?: pulumi.ComponentResourceOptions) {
    super("huaweicloud-rds-offsite:index:RestoreGate", name, {}, opts);
    const onUnavailable = pulumi.output(args.onUnavailable ?? "fail").apply((mode) => {
      if (mode !== "fail" && mode !== "warn") {
        throw new pulumi.RunError(
          `Invalid argument "onUnavailable" of RestoreGate ${name}: must be "fail" or "warn", got ${JSON.stringify(mode)}`,
        );
      }
      return mode;
    });
    const restoreTime = restoreTimeOutput(args.restoreTime).apply((time) => parseRestoreTime(time));
    const lookup = new OffsiteRestoreTimeRanges(
      `${name}-ranges`,
      { instanceId: args.instanceId, date: restoreTime.apply(utcDay), region: args.region, projectId: args.projectId },
      { parent: this },
    );
    const decision = pulumi
      .all([lookup.ranges, restoreTime, args.instanceId, onUnavailable, args.region, args.projectId])
      .apply(async ([ranges, time, instanceId, mode, region, projectId]) => {
        const range = findRestoreTimeRange(ranges, time);
        if (range === undefined) {
          // The day's ranges are all we asked for; only on refusal is the whole list worth a request, to name the
          // nearest restorable times.
          const all =
            ranges.length > 0 ? ranges : (await getOffsiteRestoreTimeRanges({ instanceId, region, projectId })).ranges;
          const message = describeUnavailable(instanceId, time, all);
          if (mode === "fail") throw new pulumi.RunError(message);
          pulumi.log.warn(message, this);
        }
        return { range, restorePoint: range && { instanceId, type: "timestamp" as const, restoreTime: time } };
      });
    Object.assign(this, {
      restorable: decision.apply((result) => result.range !== undefined),
      restoreTime,
      range: decision.apply((result) => result.range),
      ranges: lookup.ranges,
      restorePoint: decision.apply((result) => result.restorePoint),
    });
    this.registerOutputs({
      restorable: this.restorable,
      restoreTime,
      range: this.range,
      ranges: this.ranges,
      restorePoint: this.restorePoint,
    });
  }
}
