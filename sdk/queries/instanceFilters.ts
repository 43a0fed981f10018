import { argumentNames } from "../definitions/definition";
import { getOffsiteBackupInstances } from "../definitions/getOffsiteBackupInstances";
import { REGION_ARGUMENTS } from "../definitions/regionArguments";
import { DATASTORE_TYPES } from "./datastoreTypes";
import type { GetOffsiteBackupInstancesArgs, OffsiteBackupInstance, RegionArgs } from "./types";

type FilterKey = Exclude<keyof GetOffsiteBackupInstancesArgs, keyof RegionArgs>;

/** The filter arguments of `getOffsiteBackupInstances`: every argument its definition declares but where to ask. */
export const FILTER_KEYS: readonly FilterKey[] = argumentNames(getOffsiteBackupInstances).filter(
  (key): key is FilterKey => !(key in REGION_ARGUMENTS),
);

export type InstanceFilters = Partial<Record<Exclude<FilterKey, "keepDays">, string>> & {
  keepDays?: number;
};

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
