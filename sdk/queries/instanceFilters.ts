import { quoted } from "../client/errors/echoedText";
import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { validateInstanceId } from "../client/validation";
import { argumentNames } from "../definitions/definition";
import { getOffsiteBackupInstances } from "../definitions/getOffsiteBackupInstances";
import { REGION_ARGUMENTS } from "../definitions/regionArguments";
import type { GetOffsiteBackupInstancesArgs, OffsiteBackupInstance, RegionArgs } from "./types";
import { optionalInteger, optionalString } from "./validateArgs";

type FilterKey = Exclude<keyof GetOffsiteBackupInstancesArgs, keyof RegionArgs>;

/** The filter arguments of `getOffsiteBackupInstances`: every argument its definition declares but where to ask. */
export const FILTER_KEYS: readonly FilterKey[] = argumentNames(getOffsiteBackupInstances).filter(
  (key): key is FilterKey => !(key in REGION_ARGUMENTS),
);

export type InstanceFilters = Partial<Record<Exclude<FilterKey, "keepDays">, string>> & {
  keepDays?: number;
};

/** The engines the API lists, spelled as it spells them. */
export const DATASTORE_TYPES = ["MySQL", "PostgreSQL", "SQLServer", "MariaDB"] as const;

/** Validates the filter arguments (types first: a `keepDays: "7"` is refused, not coerced). */
export function validateFilters(args: Record<string, unknown>): InstanceFilters {
  const filters: InstanceFilters = {};
  for (const key of FILTER_KEYS) {
    if (key === "keepDays") {
      const keepDays = optionalInteger(args, key, 0, 100_000);
      if (keepDays !== undefined) filters.keepDays = keepDays;
      continue;
    }
    const value =
      key === "instanceId" && args[key] !== undefined
        ? validateInstanceId(args[key])
        : key === "datastoreType"
          ? optionalDatastoreType(args)
          : optionalString(args, key);
    if (value !== undefined) filters[key] = value;
  }
  return filters;
}

/**
 * An engine name in any case, as the API spells it (`mysql` → `MySQL`); a name that is no engine of the API would
 * only ever match nothing after reading every page, so it is refused before any request.
 */
function optionalDatastoreType(args: Record<string, unknown>): string | undefined {
  const value = optionalString(args, "datastoreType");
  if (value === undefined) return undefined;
  const known = DATASTORE_TYPES.find((type) => type.toLowerCase() === value.toLowerCase());
  if (known === undefined) {
    throw new InvalidArgumentError(
      "datastoreType",
      `${quoted(value, 100)} is not an engine of the API; known engines: ${DATASTORE_TYPES.join(", ")}`,
    );
  }
  return known;
}

/** Exact match on every filter given (engine names in any case); an instance lacking a filtered field does not match. */
export function matchesFilters(instance: OffsiteBackupInstance, filters: InstanceFilters): boolean {
  const fields: Record<keyof InstanceFilters, string | number | undefined> = {
    instanceId: instance.id,
    name: instance.name,
    sourceRegion: instance.sourceRegion,
    sourceProjectId: instance.sourceProjectId,
    destinationRegion: instance.destinationRegion,
    destinationProjectId: instance.destinationProjectId,
    datastoreType: DATASTORE_TYPES.find((type) => type.toLowerCase() === instance.datastore.type?.toLowerCase()),
    keepDays: instance.keepDays,
  };
  return (Object.keys(filters) as (keyof InstanceFilters)[]).every((key) => fields[key] === filters[key]);
}
