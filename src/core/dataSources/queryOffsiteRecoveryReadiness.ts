import { isHuaweiCloudError } from "../client/errors/HuaweiCloudError";
import { resolveProjectId } from "../client/iam/resolveProjectId";
import type { ClientSettings } from "../client/settings/settings";
import { assessReadiness, type InstanceLookup } from "../readiness/assessReadiness";
import { type ConfigurationLookup, settingsFor } from "./configurationLookup";
import { type InstanceFilters, matchesFilters } from "./instanceFilters";
import { listOffsiteBackupInstances } from "./listOffsiteBackupInstances";
import { mapInstance } from "./mapInstance";
import { restoreTimeRangesOf } from "./queryOffsiteRestoreTimeRanges";
import type {
  GetOffsiteRecoveryReadinessArgs,
  GetOffsiteRecoveryReadinessResult,
  OffsiteBackupInstance,
} from "./types";
import { validateOffsiteRecoveryReadinessArgs } from "./validateQueryArgs";

/** Told how far a scan is: `looked` of `total` lookups done (first called with 0 once the listing is in). */
export type ScanProgress = (looked: number, total: number) => void;

/**
 * Lists the region's instances as `getOffsiteBackupInstances` does (every page, the same filters), asks each kept
 * instance for its restore time ranges, and judges them (see `assessReadiness`).
 *
 * Requests: the project lookup (once per process, none when a project id is configured), the listing's pages, and one
 * undated restore-time lookup per kept instance, all under the process-wide limiter (`maxConcurrency` in flight). A
 * lookup that fails with a Huawei Cloud error becomes that instance's `error` row; a listing that fails (or stays
 * inconsistent) fails the call.
 */
export async function queryOffsiteRecoveryReadiness(
  args: GetOffsiteRecoveryReadinessArgs | undefined,
  lookup: ConfigurationLookup,
  progress?: ScanProgress,
): Promise<GetOffsiteRecoveryReadinessResult> {
  const { where, filters, thresholds, asOf: givenAsOf } = validateOffsiteRecoveryReadinessArgs(args);
  const asOf = givenAsOf ?? Date.now();
  const settings = settingsFor(where, lookup);
  const projectId = await resolveProjectId(settings);
  const instances = await listedInstances(settings, projectId, filters);
  let looked = 0;
  progress?.(looked, instances.length);
  // As many workers as requests may be in flight, each taking the next instance: the limiter bounds what is sent, and
  // this bounds what waits for it (10,000 lookups queued at once held ~90 MB more at the peak).
  const lookups = new Array<InstanceLookup>(instances.length);
  let next = 0;
  const worker = async () => {
    while (next < instances.length) {
      const index = next++;
      const instance = instances[index] as OffsiteBackupInstance;
      try {
        lookups[index] = { instance, ranges: await restoreTimeRangesOf(settings, projectId, instance.id, undefined) };
      } catch (error) {
        if (!isHuaweiCloudError(error)) throw error;
        lookups[index] = { instance, error: { errorCode: error.errorCode, message: error.message } };
      }
      looked += 1;
      progress?.(looked, instances.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.maxConcurrency, instances.length) }, worker));
  return { region: settings.region, asOf, ...thresholds, ...assessReadiness(lookups, asOf, thresholds) };
}

/** The listing, mapped and filtered as getOffsiteBackupInstances's; the wire rows are not held while lookups run. */
async function listedInstances(
  settings: ClientSettings,
  projectId: string,
  filters: InstanceFilters,
): Promise<OffsiteBackupInstance[]> {
  const listing = await listOffsiteBackupInstances(settings, projectId);
  return listing.instances.map(mapInstance).filter((instance) => matchesFilters(instance, filters));
}
