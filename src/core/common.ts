// What both entry points export (`pulumi-huaweicloud-rds-offsite` and its `/client`): the errors, the argument and
// result types of every data source, and the decisions a caller may apply to results it already has.
export {
  ConfigurationError,
  HuaweiCloudError,
  IncompleteListingError,
  InvalidArgumentError,
  isConfigurationError,
  isHuaweiCloudError,
  isIncompleteListingError,
  isInvalidArgumentError,
} from "./client/errors";
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
  OnUnavailable,
  ReadinessSummary,
  RegionArgs,
  RestoreTimeInput,
  RestoreTimeRange,
  UncoveredTime,
} from "./dataSources/types";
export {
  assessReadiness,
  type InstanceLookup,
  READINESS_STATUSES,
  type ReadinessStatus,
  type ReadinessThresholds,
} from "./readiness/assessReadiness";
export { findRestoreTimeRange, latestRestorableTime } from "./restore/findRestoreTimeRange";
export { isRestoreRefusedError, RestoreRefusedError } from "./restore/RestoreRefusedError";
