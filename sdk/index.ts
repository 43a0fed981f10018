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
  type GetOffsiteRestoreTimeRangesOutputArgs,
  getOffsiteRestoreTimeRanges,
  getOffsiteRestoreTimeRangesOutput,
} from "./functions/getOffsiteRestoreTimeRanges";
export type {
  CheckRestoreTimeArgs,
  CheckRestoreTimeResult,
  GetOffsiteBackupInstancesArgs,
  GetOffsiteBackupInstancesResult,
  GetOffsiteRestoreTimeRangesArgs,
  GetOffsiteRestoreTimeRangesResult,
  OffsiteBackupInstance,
  RegionArgs,
  RestoreTimeInput,
  RestoreTimeRange,
} from "./queries/types";
export { OffsiteBackupInstances, type OffsiteBackupInstancesArgs } from "./resources/OffsiteBackupInstances";
export { OffsiteRestoreTimeRanges, type OffsiteRestoreTimeRangesArgs } from "./resources/OffsiteRestoreTimeRanges";
export { RestoreGate, type RestoreGateArgs, type RestorePoint } from "./resources/RestoreGate";
export { findRestoreTimeRange, latestRestorableTime } from "./restore/findRestoreTimeRange";
export type { OnUnavailable } from "./restore/onUnavailable";
export { isRestoreRefusedError, RestoreRefusedError } from "./restore/RestoreRefusedError";
