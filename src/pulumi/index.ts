// Program-side API of pulumi-huaweicloud-rds-offsite. The core (src/core: the wire client and one module per data
// source) knows nothing of Pulumi; the functions and resources here read Pulumi stack config and add Outputs.
export { ConfigurationError, isConfigurationError } from "../core/client/errors/ConfigurationError";
export { HuaweiCloudError, isHuaweiCloudError } from "../core/client/errors/HuaweiCloudError";
export { IncompleteListingError, isIncompleteListingError } from "../core/client/errors/IncompleteListingError";
export { InvalidArgumentError, isInvalidArgumentError } from "../core/client/errors/InvalidArgumentError";
export type {
  CheckRestoreTimeArgs,
  CheckRestoreTimeResult,
  DurationInput,
  GetOffsiteBackupInstancesArgs,
  GetOffsiteBackupInstancesResult,
  GetOffsiteRecoveryReadinessArgs,
  GetOffsiteRecoveryReadinessResult,
  GetOffsiteRestoreTimeRangesArgs,
  GetOffsiteRestoreTimeRangesResult,
  InstanceReadiness,
  LookupError,
  OffsiteBackupInstance,
  ReadinessSummary,
  RegionArgs,
  RestoreTimeInput,
  RestoreTimeRange,
  UncoveredTime,
} from "../core/dataSources/types";
export {
  assessReadiness,
  type InstanceLookup,
  READINESS_STATUSES,
  type ReadinessStatus,
  type ReadinessThresholds,
} from "../core/readiness/assessReadiness";
export { findRestoreTimeRange, latestRestorableTime } from "../core/restore/findRestoreTimeRange";
export type { OnUnavailable } from "../core/restore/onUnavailable";
export { isRestoreRefusedError, RestoreRefusedError } from "../core/restore/RestoreRefusedError";
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
