// Program-side API of pulumi-huaweicloud-rds-offsite. The core (src/core: the wire client and one module per data
// source) knows nothing of Pulumi; the functions and resources here read Pulumi stack config and add Outputs.
export * from "../core/common";
export {
  type CheckRestoreTimeOutputArgs,
  checkRestoreTime,
  checkRestoreTimeOutput,
} from "./functions/checkRestoreTime";
export {
  type GetOffsiteBackupInstancesOutputArgs,
  getOffsiteBackupInstances,
  getOffsiteBackupInstancesOutput,
} from "./functions/getOffsiteBackupInstances";
export {
  type GetOffsiteRecoveryReadinessOutputArgs,
  getOffsiteRecoveryReadiness,
  getOffsiteRecoveryReadinessOutput,
} from "./functions/getOffsiteRecoveryReadiness";
export {
  type GetOffsiteRestoreTimeRangesOutputArgs,
  getOffsiteRestoreTimeRanges,
  getOffsiteRestoreTimeRangesOutput,
} from "./functions/getOffsiteRestoreTimeRanges";
export { OffsiteBackupInstances, type OffsiteBackupInstancesArgs } from "./resources/OffsiteBackupInstances";
export {
  OffsiteRecoveryReadiness,
  type OffsiteRecoveryReadinessArgs,
} from "./resources/OffsiteRecoveryReadiness";
export { OffsiteRestoreTimeRanges, type OffsiteRestoreTimeRangesArgs } from "./resources/OffsiteRestoreTimeRanges";
export { RestoreGate, type RestoreGateArgs, type RestorePoint } from "./resources/RestoreGate";
