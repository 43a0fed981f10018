// Loaded lazily inside the Pulumi dynamic-provider process by the tiny serialized providers in sdk/resources.

import { queryOffsiteBackupInstances } from "../sdk/queries/queryOffsiteBackupInstances";
import { queryOffsiteRecoveryReadiness } from "../sdk/queries/queryOffsiteRecoveryReadiness";
import { queryOffsiteRestoreTimeRanges } from "../sdk/queries/queryOffsiteRestoreTimeRanges";
import { queryRestoreTime } from "../sdk/queries/queryRestoreTime";
import { dataSourceReader } from "./dataSourceProvider";

export { configure } from "./configuration";

export const offsiteBackupInstances = dataSourceReader(queryOffsiteBackupInstances);
export const offsiteRestoreTimeRanges = dataSourceReader(queryOffsiteRestoreTimeRanges);
/** RestoreGate's decision, made in the provider process so the program makes no request and no IAM lookup. */
export const restoreTimeCheck = dataSourceReader(queryRestoreTime);
export const offsiteRecoveryReadiness = dataSourceReader(queryOffsiteRecoveryReadiness);
