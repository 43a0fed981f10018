// Loaded lazily inside the Pulumi dynamic-provider process by the tiny serialized providers in ../resources.

import { queryRestoreTime } from "../../core/dataSources/checkRestoreTime";
import { queryOffsiteBackupInstances } from "../../core/dataSources/getOffsiteBackupInstances";
import { queryOffsiteRecoveryReadiness } from "../../core/dataSources/getOffsiteRecoveryReadiness";
import { queryOffsiteRestoreTimeRanges } from "../../core/dataSources/getOffsiteRestoreTimeRanges";
import { dataSourceReader } from "./dataSourceProvider";

export { configure } from "./configuration";

export const offsiteBackupInstances = dataSourceReader(queryOffsiteBackupInstances);
export const offsiteRestoreTimeRanges = dataSourceReader(queryOffsiteRestoreTimeRanges);
/** RestoreGate's decision, made in the provider process so the program makes no request and no IAM lookup. */
export const restoreTimeCheck = dataSourceReader(queryRestoreTime);
export const offsiteRecoveryReadiness = dataSourceReader(queryOffsiteRecoveryReadiness);
