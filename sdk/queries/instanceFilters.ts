import { validateInstanceId } from "../client/validation";
import type { OffsiteBackupInstance } from "./types";
import { optionalInteger, optionalString } from "./validateArgs";

export const FILTER_KEYS = [
  "instanceId",
  "name",
  "sourceRegion",
  "sourceProjectId",
  "destinationRegion",
  "destinationProjectId",
  "datastoreType",
  "keepDays",
] as const;

export type InstanceFilters = Partial<Record<Exclude<(typeof FILTER_KEYS)[number], "keepDays">, string>> & {
  keepDays?: number;
};

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
      key === "instanceId" && args[key] !== undefined ? validateInstanceId(args[key]) : optionalString(args, key);
    if (value !== undefined) filters[key] = value;
  }
  return filters;
}

/** Exact match on every filter given; an instance lacking a filtered field does not match. */
export function matchesFilters(instance: OffsiteBackupInstance, filters: InstanceFilters): boolean {
  const fields: Record<keyof InstanceFilters, string | number | undefined> = {
    instanceId: instance.id,
    name: instance.name,
    sourceRegion: instance.sourceRegion,
    sourceProjectId: instance.sourceProjectId,
    destinationRegion: instance.destinationRegion,
    destinationProjectId: instance.destinationProjectId,
    datastoreType: instance.datastore.type,
    keepDays: instance.keepDays,
  };
  return (Object.keys(filters) as (keyof InstanceFilters)[]).every((key) => fields[key] === filters[key]);
}
