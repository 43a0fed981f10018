import type { ObjectTypeDefinition } from "./definition";
import { INSTANCE_OBJECT_TYPES } from "./getOffsiteBackupInstances";
import { READINESS_OBJECT_TYPES } from "./getOffsiteRecoveryReadiness";
import { RANGE_OBJECT_TYPES } from "./getOffsiteRestoreTimeRanges";

/** The object types results are made of, by schema name, each from the module of the data source that returns it. */
export const OBJECT_TYPES = {
  ...INSTANCE_OBJECT_TYPES,
  ...RANGE_OBJECT_TYPES,
  ...READINESS_OBJECT_TYPES,
} as const satisfies Readonly<Record<string, ObjectTypeDefinition>>;
