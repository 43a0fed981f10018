import { parseCalendarDate } from "../calendarDate";
import { wireErrors } from "../errors";
import type { WireResponse } from "../respond";
import { rangesOnDay } from "../restoreRanges";
import { errorResponse, type HandlerContext, projectIdHeader } from "./context";

/**
 * GET /v3/{project_id}/instances/{instance_id}/offsite-restore-time[?date=yyyy-mm-dd]
 * Answered only in the region the instance's offsite backups live in, with that region's own project.
 */
export function listRestoreTimes(ctx: HandlerContext, projectId: string, instanceId: string): WireResponse {
  const project = ctx.projects.lookup(projectId);
  if (!project) return errorResponse(ctx, wireErrors.notAuthorized);
  // Huawei's SDKs send X-Project-Id equal to the path's project; a different one is a client bug worth surfacing.
  const headerProject = projectIdHeader(ctx.headers);
  if (headerProject !== undefined && headerProject !== projectId) return errorResponse(ctx, wireErrors.notAuthorized);

  const dates = ctx.query.date;
  let dayStart: number | undefined;
  if (dates !== undefined) {
    dayStart = dates.length === 1 && dates[0] !== undefined ? parseCalendarDate(dates[0]) : undefined;
    if (dayStart === undefined) return errorResponse(ctx, wireErrors.parameterError);
  }

  if (project.ordinal !== 0 || ctx.dataset.regionOf(instanceId) !== project.region) {
    return errorResponse(ctx, wireErrors.instanceNotFound);
  }
  if (ctx.dataset.lookupFails(instanceId)) return errorResponse(ctx, wireErrors.serverFailure);
  const ranges = ctx.dataset.restoreRanges(instanceId);
  return { status: 200, body: { restore_time: dayStart === undefined ? ranges : rangesOnDay(ranges, dayStart) } };
}
