// One definition per data source (arguments, results, the query): every surface derives from these.
import { checkRestoreTime } from "./checkRestoreTime";
import type { DataSource } from "./definition";
import { getOffsiteBackupInstances } from "./getOffsiteBackupInstances";
import { getOffsiteRestoreTimeRanges } from "./getOffsiteRestoreTimeRanges";

export { CONFIGURATION } from "./configuration";
export type { DataSource, DataSourceDefinition, FieldDefinition, ObjectTypeName, ValueType } from "./definition";
export { OBJECT_TYPES } from "./objectTypes";

/** Every data source, in the order documentation lists them. */
export const DATA_SOURCES: readonly DataSource[] = [
  getOffsiteBackupInstances,
  getOffsiteRestoreTimeRanges,
  checkRestoreTime,
];
