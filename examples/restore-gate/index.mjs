import * as pulumi from "@pulumi/pulumi";
import { RestoreGate } from "pulumi-huaweicloud-rds-offsite";

const config = new pulumi.Config();

// With the default `onUnavailable: "fail"`, an unrestorable time fails `pulumi preview` (and `up`) before anything
// is deployed, with the requested time in UTC and the nearest restorable ranges.
const gate = new RestoreGate("orders-restore", {
  instanceId: config.require("sourceInstanceId"),
  restoreTime: config.require("restoreTime"), // e.g. 2026-11-20T03:00:00Z, or epoch milliseconds
  onUnavailable: config.get("onUnavailable") ?? "fail",
});

// `restorePoint` is set only when the time is restorable, so a restore built from it cannot be deployed otherwise.
// With the huaweicloud provider (not installable in this repository's sandbox), it feeds the restore, e.g.:
//
//   new huaweicloud.rds.Instance("orders-restored", {
//     ...,
//     restore: {
//       instanceId: gate.restorePoint.apply((p) => p.instanceId),
//       restoreTime: gate.restorePoint.apply((p) => p.restoreTime),
//     },
//   });
//
// (Terraform: `huaweicloud_rds_restore` with `source { type = "timestamp", restore_time = … }`.)
export const restorable = gate.restorable;
export const restorePoint = gate.restorePoint;
export const restoreRange = gate.range;
