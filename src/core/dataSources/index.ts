// One definition per data source (arguments, results, docs): every surface derives from these.

import { checkRestoreTime, queryRestoreTime } from "./checkRestoreTime";
import type { DataSource, RefsIn } from "./definition";
import { getOffsiteBackupInstances, queryOffsiteBackupInstances } from "./getOffsiteBackupInstances";
import { getOffsiteRecoveryReadiness, queryOffsiteRecoveryReadiness } from "./getOffsiteRecoveryReadiness";
import { getOffsiteRestoreTimeRanges, queryOffsiteRestoreTimeRanges } from "./getOffsiteRestoreTimeRanges";
import type { GetOffsiteRecoveryReadinessArgs } from "./types";

export { CONFIGURATION } from "./configuration";
export type { DataSource, DataSourceDefinition, FieldDefinition, ObjectTypeName, ValueType } from "./definition";

import { OBJECT_TYPES } from "./objectTypes";

export { OBJECT_TYPES };

type DefinedRefs =
  | RefsIn<(typeof getOffsiteBackupInstances)["result"]>
  | RefsIn<(typeof getOffsiteRestoreTimeRanges)["result"]>
  | RefsIn<(typeof checkRestoreTime)["result"]>
  | RefsIn<(typeof getOffsiteRecoveryReadiness)["result"]>
  | {
      [Name in keyof typeof OBJECT_TYPES]: RefsIn<(typeof OBJECT_TYPES)[Name]["properties"]>;
    }[keyof typeof OBJECT_TYPES];

/**
 * Every object type a result or an object type refers to is defined: a name here that `OBJECT_TYPES` lacks fails to
 * compile, naming it (the schema's `$ref` would otherwise dangle until the SDK generator refused it).
 */
export const EVERY_REFERENCE_DEFINED: [Exclude<DefinedRefs, keyof typeof OBJECT_TYPES>] extends [never]
  ? true
  : Exclude<DefinedRefs, keyof typeof OBJECT_TYPES> = true;

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
