import { wireErrors } from "../errors";
import { integerParam } from "../integerParam";
import type { WireResponse } from "../respond";
import { errorResponse, type HandlerContext, projectIdHeader } from "./context";

/**
 * GET /v3/backups/offsite-backup-instance?offset&limit
 * No project in the path: the region is the one whose project id is in X-Project-Id. Only a region's own (first)
 * project holds its instances; another project of the same name lists nothing, as projects are isolated.
 */
export function listOffsiteInstances(ctx: HandlerContext): WireResponse {
  const projectId = projectIdHeader(ctx.headers);
  if (projectId === undefined) return errorResponse(ctx, wireErrors.parameterError);
  const project = ctx.projects.lookup(projectId);
  if (!project) return errorResponse(ctx, wireErrors.notAuthorized);
  const offset = integerParam(ctx.query, "offset", { min: 0, max: Number.MAX_SAFE_INTEGER, fallback: 0 });
  const limit = integerParam(ctx.query, "limit", { min: 1, max: 100, fallback: 100 });
  if (offset === undefined || limit === undefined) return errorResponse(ctx, wireErrors.parameterError);
  const page = project.ordinal === 0 ? ctx.dataset.page(project.region, offset, limit) : { total: 0, items: [] };
  return { status: 200, body: { total_count: page.total, offsite_backup_instances: page.items } };
}
