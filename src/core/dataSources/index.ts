// One definition per data source (arguments, results, docs): every surface derives from these.

import { checkRestoreTime, queryRestoreTime } from "./checkRestoreTime";
import type { DataSource } from "./definition";
import { getOffsiteBackupInstances, queryOffsiteBackupInstances } from "./getOffsiteBackupInstances";
import { getOffsiteRecoveryReadiness, queryOffsiteRecoveryReadiness } from "./getOffsiteRecoveryReadiness";
import { getOffsiteRestoreTimeRanges, queryOffsiteRestoreTimeRanges } from "./getOffsiteRestoreTimeRanges";
import type { GetOffsiteRecoveryReadinessArgs } from "./types";

export { CONFIGURATION } from "./configuration";
export type { DataSource, DataSourceDefinition, FieldDefinition, ObjectTypeName, ValueType } from "./definition";
export { OBJECT_TYPES } from "./objectTypes";

/** Every data source with its query, in the order documentation lists them. */
export const DATA_SOURCES: readonly DataSource[] = [
  { ...getOffsiteBackupInstances, query: queryOffsiteBackupInstances },
  { ...getOffsiteRestoreTimeRanges, query: queryOffsiteRestoreTimeRanges },
  { ...checkRestoreTime, query: queryRestoreTime },
  // A scan reports progress (the command line draws it), not warnings: the surfaces that treat data sources alike
  // have none to draw.
  {
    ...getOffsiteRecoveryReadiness,
    query: (args, lookup) => queryOffsiteRecoveryReadiness(args as GetOffsiteRecoveryReadinessArgs, lookup),
  },
];
