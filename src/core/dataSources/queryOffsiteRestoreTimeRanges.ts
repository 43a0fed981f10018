import { resolveProjectId } from "../client/iam/resolveProjectId";
import type { ClientSettings } from "../client/settings/settings";
import { type ConfigurationLookup, settingsFor } from "./configurationLookup";
import { listOffsiteRestoreTimes } from "./listOffsiteRestoreTimes";
import type { GetOffsiteRestoreTimeRangesArgs, GetOffsiteRestoreTimeRangesResult, RestoreTimeRange } from "./types";
import { validateOffsiteRestoreTimeRangesArgs } from "./validateQueryArgs";

export async function queryOffsiteRestoreTimeRanges(
  args: GetOffsiteRestoreTimeRangesArgs,
  lookup: ConfigurationLookup,
): Promise<GetOffsiteRestoreTimeRangesResult> {
  const { where, instanceId, date } = validateOffsiteRestoreTimeRangesArgs(args);
  const ranges = await fetchRestoreTimeRanges(where, instanceId, date, lookup);
  return date === undefined ? { instanceId, ranges } : { instanceId, date, ranges };
}

/** Shared by the range query and the restore-time check, after their own validation. */
export async function fetchRestoreTimeRanges(
  where: { region?: string; projectId?: string },
  instanceId: string,
  date: string | undefined,
  lookup: ConfigurationLookup,
): Promise<RestoreTimeRange[]> {
  const settings = settingsFor(where, lookup);
  return restoreTimeRangesOf(settings, await resolveProjectId(settings), instanceId, date);
}

/** One instance's ranges once settings and project are known (a scan of many instances resolves them once). */
export async function restoreTimeRangesOf(
  settings: ClientSettings,
  projectId: string,
  instanceId: string,
  date: string | undefined,
): Promise<RestoreTimeRange[]> {
  const wire = await listOffsiteRestoreTimes(settings, { projectId, instanceId, date });
  return wire.map((range) => ({ startTime: range.start_time, endTime: range.end_time }));
}
