// Program-side API of pulumi-huaweicloud-rds-offsite. The wire client (sdk/client) knows nothing of Pulumi; the
// queries (sdk/queries) add validation and filtering; the functions here read Pulumi stack config and add Outputs.
export { ConfigurationError, isConfigurationError } from "./client/errors/ConfigurationError";
export { HuaweiCloudError, isHuaweiCloudError } from "./client/errors/HuaweiCloudError";
export { IncompleteListingError, isIncompleteListingError } from "./client/errors/IncompleteListingError";
export { InvalidArgumentError, isInvalidArgumentError } from "./client/errors/InvalidArgumentError";
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
} from "./queries/types";
export {
  assessReadiness,
  type InstanceLookup,
  READINESS_STATUSES,
  type ReadinessStatus,
  type ReadinessThresholds,
} from "./readiness/assessReadiness";
export { OffsiteBackupInstances, type OffsiteBackupInstancesArgs } from "./resources/OffsiteBackupInstances";
export {
  OffsiteRecoveryReadiness,
  type OffsiteRecoveryReadinessArgs,
} from "./resources/OffsiteRecoveryReadiness";
export { OffsiteRestoreTimeRanges, type OffsiteRestoreTimeRangesArgs } from "./resources/OffsiteRestoreTimeRanges";
export { RestoreGate, type RestoreGateArgs, type RestorePoint } from "./resources/RestoreGate";
export { findRestoreTimeRange, latestRestorableTime } from "./restore/findRestoreTimeRange";
export type { OnUnavailable } from "./restore/onUnavailable";
export { isRestoreRefusedError, RestoreRefusedError } from "./restore/RestoreRefusedError";
