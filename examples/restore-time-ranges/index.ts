import * as pulumi from "@pulumi/pulumi";
import {
  getOffsiteBackupInstances,
  latestRestorableTime,
  OffsiteRestoreTimeRanges,
  type RestoreTimeRange,
} from "pulumi-huaweicloud-rds-offsite";

const config = new pulumi.Config();
const iso = (ms: number) => new Date(ms).toISOString();

export = async () => {
  // The instance to inspect; by default the first one with cross-region backups in the region.
  const instanceId = config.get("instanceId") ?? (await getOffsiteBackupInstances()).ids[0];
  if (instanceId === undefined) throw new pulumi.RunError("No instance has cross-region backups in this region.");

  // Every range of the retention period...
  const all = new OffsiteRestoreTimeRanges("all-ranges", { instanceId });
  // ...or only those overlapping one UTC day, which the API advises for long retention periods.
  const latest = all.ranges.apply((ranges) => latestRestorableTime(ranges) ?? Date.now());
  const lastDay = new OffsiteRestoreTimeRanges("last-day", {
    instanceId,
    date: latest.apply((t) => iso(t).slice(0, 10)),
  });

  const describe = (ranges: RestoreTimeRange[]) => ranges.map((r) => `${iso(r.startTime)} → ${iso(r.endTime)}`);
  return {
    instanceId,
    restoreRanges: all.ranges.apply(describe),
    lastDayRanges: lastDay.ranges.apply(describe),
    latestRestorableTime: latest.apply(iso),
  };
};
