import { engineNamed } from "./datastoreTypes";
import { argumentNames } from "./definition";
import { getOffsiteBackupInstances } from "./getOffsiteBackupInstances";
import { REGION_ARGUMENTS } from "./regionArguments";
import type { GetOffsiteBackupInstancesArgs, OffsiteBackupInstance, RegionArgs } from "./types";

type FilterKey = Exclude<keyof GetOffsiteBackupInstancesArgs, keyof RegionArgs>;

/** The filter arguments of `getOffsiteBackupInstances`: every argument its definition declares but where to ask. */
export const FILTER_KEYS: readonly FilterKey[] = argumentNames(getOffsiteBackupInstances).filter(
  (key): key is FilterKey => !(key in REGION_ARGUMENTS),
);

export type InstanceFilters = Partial<Record<Exclude<FilterKey, "keepDays">, string>> & {
  keepDays?: number;
};

/** Each filter's field of an instance; engine names in the API's spelling, whatever case the API sent. */
const FIELD_OF: Record<keyof InstanceFilters, (instance: OffsiteBackupInstance) => string | number | undefined> = {
  instanceId: (instance) => instance.id,
  name: (instance) => instance.name,
  sourceRegion: (instance) => instance.sourceRegion,
  sourceProjectId: (instance) => instance.sourceProjectId,
  destinationRegion: (instance) => instance.destinationRegion,
  destinationProjectId: (instance) => instance.destinationProjectId,
  datastoreType: (instance) => engineNamed(instance.datastore.type),
  keepDays: (instance) => instance.keepDays,
};

/** Exact match on every filter given (engine names in any case); an instance lacking a filtered field does not match. */
export function matchesFilters(instance: OffsiteBackupInstance, filters: InstanceFilters): boolean {
  return (Object.keys(filters) as (keyof InstanceFilters)[]).every((key) => FIELD_OF[key](instance) === filters[key]);
}
