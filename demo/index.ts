import * as pulumi from "@pulumi/pulumi";
import {
  latestRestorableTime,
  OffsiteBackupInstances,
  OffsiteRestoreTimeRanges,
  RestoreGate,
  type RestoreTimeRange,
} from "pulumi-huaweicloud-rds-offsite";

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const describeRange = (range: RestoreTimeRange) => `${iso(range.startTime)} → ${iso(range.endTime)}`;

export = async () => {
  // Every data source below is read during `pulumi preview`: its values are known before anything is deployed.
  const mysql = new OffsiteBackupInstances("mysql-with-offsite-backups", { datastoreType: "MySQL" });
  const instanceId = mysql.ids.apply((ids) => {
    if (ids.length === 0) throw new pulumi.RunError("No MySQL instance has cross-region backups in this region.");
    return ids[0] as string;
  });

  const ranges = new OffsiteRestoreTimeRanges("restore-ranges", { instanceId });
  const latest = ranges.ranges.apply((all) => latestRestorableTime(all) ?? Date.now());

  // One hour before the latest restorable moment: restorable.
  const restorable = new RestoreGate("restore-one-hour-ago", {
    instanceId,
    restoreTime: latest.apply((t) => t - HOUR),
  });
  // A day after it: not restorable. "warn" shows the refusal without failing this preview; the default "fail" would.
  const tooLate = new RestoreGate("restore-tomorrow", {
    instanceId,
    restoreTime: latest.apply((t) => t + 24 * HOUR),
    onUnavailable: "warn",
  });

  return {
    instancesInRegion: mysql.totalCount,
    mysqlInstances: mysql.ids.apply((ids) => ids.length),
    firstMysqlInstances: mysql.instances.apply((all) =>
      all
        .slice(0, 3)
        .map(
          (instance) =>
            `${instance.id} ${instance.name} (${instance.datastore.type} ${instance.datastore.version}, from ${instance.sourceRegion}, backups kept ${instance.keepDays ?? "?"} days)`,
        ),
    ),
    restoreRangesOfFirstInstance: ranges.ranges.apply((all) => all.map(describeRange)),
    gateOneHourAgo: pulumi.interpolate`${restorable.restoreTime.apply(iso)}: restorable=${restorable.restorable}`,
    restorePoint: restorable.restorePoint,
    gateTomorrow: pulumi.interpolate`${tooLate.restoreTime.apply(iso)}: restorable=${tooLate.restorable}`,
  };
};
