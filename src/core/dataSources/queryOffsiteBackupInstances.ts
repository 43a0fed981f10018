import { resolveProjectId } from "../client/iam/resolveProjectId";
import { type ConfigurationLookup, settingsFor } from "./configurationLookup";
import { matchesFilters } from "./instanceFilters";
import { listOffsiteBackupInstances } from "./listOffsiteBackupInstances";
import { mapInstance } from "./mapInstance";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteBackupInstancesResult } from "./types";
import { validateOffsiteBackupInstancesArgs } from "./validateQueryArgs";

/** Validates arguments and settings, lists every page, then filters client-side (the API has no filters). */
export async function queryOffsiteBackupInstances(
  args: GetOffsiteBackupInstancesArgs | undefined,
  lookup: ConfigurationLookup,
): Promise<GetOffsiteBackupInstancesResult> {
  const { where, filters } = validateOffsiteBackupInstancesArgs(args);
  const settings = settingsFor(where, lookup);
  const projectId = await resolveProjectId(settings);
  const listing = await listOffsiteBackupInstances(settings, projectId);
  const instances = listing.instances.map(mapInstance).filter((instance) => matchesFilters(instance, filters));
  return {
    region: settings.region,
    instances,
    ids: instances.map((instance) => instance.id),
    totalCount: listing.totalCount,
  };
}
