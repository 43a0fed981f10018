// Loaded lazily inside the Pulumi dynamic-provider process by the tiny serialized providers in sdk/resources.

import { queryOffsiteBackupInstances } from "../sdk/queries/queryOffsiteBackupInstances";
import { queryOffsiteRestoreTimeRanges } from "../sdk/queries/queryOffsiteRestoreTimeRanges";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteRestoreTimeRangesArgs } from "../sdk/queries/types";
import {
  OFFSITE_BACKUP_INSTANCES_ARG_KEYS,
  OFFSITE_RESTORE_TIME_RANGES_ARG_KEYS,
  validateOffsiteBackupInstancesArgs,
  validateOffsiteRestoreTimeRangesArgs,
} from "../sdk/queries/validateQueryArgs";
import { dataSourceIds } from "../sdk/resources/dataSourceIds";
import { dataSourceProvider } from "./dataSourceProvider";

export { configure } from "./configuration";

export const offsiteBackupInstances = dataSourceProvider<GetOffsiteBackupInstancesArgs, object>({
  argumentKeys: OFFSITE_BACKUP_INSTANCES_ARG_KEYS,
  validate: validateOffsiteBackupInstancesArgs,
  query: queryOffsiteBackupInstances,
  idOf: dataSourceIds.offsiteBackupInstances,
});

export const offsiteRestoreTimeRanges = dataSourceProvider<GetOffsiteRestoreTimeRangesArgs, object>({
  argumentKeys: OFFSITE_RESTORE_TIME_RANGES_ARG_KEYS,
  validate: validateOffsiteRestoreTimeRangesArgs,
  query: queryOffsiteRestoreTimeRanges,
  idOf: dataSourceIds.offsiteRestoreTimeRanges,
});
