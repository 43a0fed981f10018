import { shown } from "../client/errors/echoedText";
import { pathOf } from "../client/http/path";
import { getJson } from "../client/http/requestJson";
import { isRecord } from "../client/http/responseShape";
import { badResponse } from "../client/http/wireError";
import type { ClientSettings } from "../client/settings/settings";
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
  const refuse = (problem: string) => badResponse(settings, path, problem, requestId);
  if (!isRecord(body) || !Array.isArray(body.restore_time)) throw refuse("no `restore_time` array");
  return body.restore_time.map((range: unknown, index) => {
    const where = `restore_time[${index}]`;
    if (!isRecord(range)) throw refuse(`\`${where}\` is not an object`);
    const { start_time: start, end_time: end } = range;
    for (const [key, value] of [
      ["start_time", start],
      ["end_time", end],
    ] as const) {
      if (!isEpochMs(value)) throw refuse(`\`${where}.${key}\` is ${shown(value, 50)}, not epoch milliseconds`);
      if (value > MAX_DATE_MS) {
        throw refuse(`\`${where}.${key}\` is ${value}, past the last instant a date can hold (${MAX_DATE_MS} ms)`);
      }
    }
    if ((end as number) < (start as number)) throw refuse(`\`${where}\` ends (${end}) before it starts (${start})`);
    return { start_time: start as number, end_time: end as number };
  });
}

/** ECMAScript's time value range: 100 000 000 days either side of 1970 (a `Date` of more is Invalid Date). */
const MAX_DATE_MS = 8.64e15;

function isEpochMs(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}
