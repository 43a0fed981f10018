import * as pulumi from "@pulumi/pulumi";
import { getOffsiteBackupInstancesOutput, OffsiteBackupInstances } from "pulumi-huaweicloud-rds-offsite";

const config = new pulumi.Config();
// The backup (destination) region; defaults to huaweicloud:region.
const backupRegion = config.get("backupRegion");
const engine = config.get("engine") ?? "PostgreSQL";

export = async () => {
  // As a resource: known during `pulumi preview`, re-read by `pulumi refresh`, recorded in state.
  const all = new OffsiteBackupInstances("all-offsite-backups", { region: backupRegion });

  // As a function: nothing in state; filters are exact matches, combined with AND.
  const ofEngine = getOffsiteBackupInstancesOutput({ region: backupRegion, datastoreType: engine });

  return {
    region: all.region,
    instancesWithOffsiteBackups: all.totalCount,
    [`${engine}InstanceIds`]: ofEngine.ids,
    longestRetentionDays: all.instances.apply((instances) =>
      Math.max(0, ...instances.map((instance) => instance.keepDays ?? 0)),
    ),
  };
};
