import { shown } from "../client/errors/echoedText";
import { pathOf } from "../client/http/path";
import { getJson } from "../client/http/requestJson";
import { isRecord } from "../client/http/responseShape";
import { badResponse } from "../client/http/wireError";
import { resolveProjectId } from "../client/iam/resolveProjectId";
import type { ClientSettings } from "../client/settings/settings";
import { validateDate, validateInstanceId } from "../client/validation";
import { type ConfigurationLookup, settingsFor } from "./configurationLookup";
import {
  checkArguments,
  defineDataSource,
  type Fields,
  milliseconds,
  type ObjectTypeDefinition,
  REGION_ARGUMENTS,
  type Where,
} from "./definition";
import type { GetOffsiteRestoreTimeRangesArgs, GetOffsiteRestoreTimeRangesResult, RestoreTimeRange } from "./types";

const restoreTimeRange = {
  startTime: { type: milliseconds, required: true, description: "First restorable instant, epoch milliseconds (UTC)." },
  endTime: { type: milliseconds, required: true, description: "Last restorable instant, epoch milliseconds (UTC)." },
} as const satisfies Fields;

/** The object type of restore time ranges, which the restore decision and readiness return too. */
export const RANGE_OBJECT_TYPES = {
  RestoreTimeRange: {
    description: "A span of time an instance can be restored to, both ends inclusive, in epoch milliseconds (UTC).",
    properties: restoreTimeRange,
  },
} as const satisfies Record<string, ObjectTypeDefinition>;

const ranges = { type: "array", items: { ref: "RestoreTimeRange" } } as const;

/** Time ranges a cross-region backup can be restored to. */
export const getOffsiteRestoreTimeRanges = defineDataSource({
  name: "getOffsiteRestoreTimeRanges",
  description:
    "Time ranges a DB instance's cross-region backup can be restored to (epoch milliseconds, UTC, both ends inclusive).",
  arguments: {
    ...REGION_ARGUMENTS,
    instanceId: {
      type: { type: "string" },
      required: true,
      validate: validateInstanceId,
      description: "Id of the DB instance whose cross-region backup is queried.",
      summary: "DB instance whose cross-region backup is queried",
      placeholder: "ID",
    },
    date: {
      type: { type: "string" },
      required: false,
      validate: validateDate,
      description: "A UTC day, `yyyy-mm-dd`: only ranges overlapping it. Advised for long retention periods.",
      summary: "only ranges overlapping this UTC day (advised for long retention periods)",
      placeholder: "yyyy-mm-dd",
    },
  },
  result: {
    instanceId: { type: { type: "string" }, required: true, description: "The DB instance queried." },
    date: { type: { type: "string" }, required: false, description: "The day asked for, when one was." },
    ranges: { type: ranges, required: true, description: "Restorable ranges as the API returns them." },
  },
});

export function validateOffsiteRestoreTimeRangesArgs(args: unknown): {
  where: Where;
  instanceId: string;
  date: string | undefined;
} {
  const { where, values } = checkArguments(getOffsiteRestoreTimeRanges, args);
  return { where, instanceId: values.instanceId as string, date: values.date as string | undefined };
}

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
  // Checked in place, the problem's text built only for a refusal: this runs for every range of every lookup.
  return body.restore_time.map((range: unknown, index) => {
    if (!isRecord(range)) throw refuse(`\`restore_time[${index}]\` is not an object`);
    const start = epochMsAt(range, index, "start_time", refuse);
    const end = epochMsAt(range, index, "end_time", refuse);
    if (end < start) throw refuse(`\`restore_time[${index}]\` ends (${end}) before it starts (${start})`);
    return { start_time: start, end_time: end };
  });
}

function epochMsAt(
  range: Record<string, unknown>,
  index: number,
  key: "start_time" | "end_time",
  refuse: (problem: string) => Error,
): number {
  const value = range[key];
  if (!isEpochMs(value))
    throw refuse(`\`restore_time[${index}].${key}\` is ${shown(value, 50)}, not epoch milliseconds`);
  if (value > MAX_DATE_MS) {
    throw refuse(
      `\`restore_time[${index}].${key}\` is ${value}, past the last instant a date can hold (${MAX_DATE_MS} ms)`,
    );
  }
  return value;
}

/** ECMAScript's time value range: 100 000 000 days either side of 1970 (a `Date` of more is Invalid Date). */
const MAX_DATE_MS = 8.64e15;

function isEpochMs(value: unknown): value is number {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** An item of `GET /v3/{project_id}/instances/{instance_id}/offsite-restore-time`: epoch milliseconds, UTC. */
export interface WireRestoreTime {
  start_time: number;
  end_time: number;
}
