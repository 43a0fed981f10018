import { requireString, validateInstanceId, validateInteger } from "../client/validation";
import { validateDatastoreType } from "./datastoreTypes";
import type { DataSourceDefinition } from "./definition";
import { REGION_ARGUMENTS } from "./regionArguments";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteBackupInstancesResult } from "./types";

const string = { type: "string" } as const;
const text = { type: string, required: false, validate: requireString } as const;

/** DB instances with cross-region backups in the queried (backup) region, filtered by exact match. */
export const getOffsiteBackupInstances: DataSourceDefinition<
  GetOffsiteBackupInstancesArgs,
  GetOffsiteBackupInstancesResult
> = {
  name: "getOffsiteBackupInstances",
  description:
    "DB instances whose backups are copied to the queried (backup) region, filtered client-side by exact match on every filter given. Reads every page of the listing; fails rather than return a partial list.",
  arguments: {
    ...REGION_ARGUMENTS,
    instanceId: {
      type: string,
      required: false,
      validate: validateInstanceId,
      description: "Only the instance with this id.",
    },
    name: { ...text, description: "Only instances with exactly this name." },
    sourceRegion: { ...text, description: "Only instances running in this region." },
    sourceProjectId: { ...text, description: "Only instances of this source project." },
    destinationRegion: {
      ...text,
      description:
        "Only backups held in this region (the API answers for the region queried, so this mostly confirms it).",
      summary: "Only backups held in this region.",
    },
    destinationProjectId: { ...text, description: "Only backups held in this project." },
    datastoreType: {
      type: string,
      required: false,
      validate: validateDatastoreType,
      description:
        "Only instances of this engine: `MySQL`, `PostgreSQL`, `SQLServer` or `MariaDB`, in any case; other names are refused.",
      summary: "Only this engine: MySQL, PostgreSQL, SQLServer or MariaDB.",
    },
    keepDays: {
      type: { type: "integer" },
      required: false,
      validate: (value, argument) => validateInteger(value, argument, 0, 100_000),
      description: "Only instances whose cross-region backups are kept this many days.",
    },
  },
  result: {
    region: { type: string, required: true, description: "The region queried." },
    instances: {
      type: { type: "array", items: { ref: "OffsiteBackupInstance" } },
      required: true,
      description: "Instances matching every filter given, in API order.",
    },
    ids: {
      type: { type: "array", items: string },
      required: true,
      description: "Their ids, in the same order.",
    },
    totalCount: {
      type: { type: "integer" },
      required: true,
      description: "How many instances the API reported in the region, before filters.",
    },
  },
};
