import type { ClientSettings } from "../config/settings";
import { pathOf } from "../http/path";
import { getJson } from "../http/requestJson";
import { badResponse, isRecord } from "../http/responseShape";
import type { WireRestoreTime } from "./wireTypes";

/**
 * Restore time ranges of an instance's cross-region backup, asked of the backup region.
 * `date` (UTC `yyyy-mm-dd`) narrows the answer, which the API reference advises for long retention periods.
 */
export async function listOffsiteRestoreTimes(
  settings: ClientSettings,
  request: { projectId: string; instanceId: string; date?: string | undefined },
): Promise<WireRestoreTime[]> {
  // GET /v3/{project_id}/instances/{instance_id}/offsite-restore-time?date={date}
  const path = pathOf("v3", request.projectId, "instances", request.instanceId, "offsite-restore-time");
  const { body, requestId } = await getJson(settings, {
    endpoint: settings.rdsEndpoint,
    path,
    query: { date: request.date },
    projectId: request.projectId,
  });
  if (!isRecord(body) || !Array.isArray(body.restore_time))
    throw badResponse(path, "no `restore_time` array", requestId);
  return body.restore_time.map((range, index) => {
    if (!isRecord(range) || !isEpochMs(range.start_time) || !isEpochMs(range.end_time)) {
      throw badResponse(path, `restore_time[${index}] lacks integer start_time/end_time`, requestId);
    }
    return { start_time: range.start_time, end_time: range.end_time };
  });
}

function isEpochMs(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
