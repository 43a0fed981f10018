import type { WireResponse } from "../respond";
import type { HandlerContext } from "./context";

/**
 * GET /v3/projects[?name=<region>] (IAM KeystoneListProjects). Other documented filters (domain_id, enabled, page...)
 * are accepted and ignored. Besides the fields clients use, items carry IAM's `is_domain` and `links`, as the real
 * response does, so clients meet fields they must ignore.
 */
export function listProjects(ctx: HandlerContext): WireResponse {
  const name = ctx.query.name?.[0];
  const projects = ctx.projects.list(name).map((p) => ({ ...p, links: { self: `${ctx.origin}/v3/projects/${p.id}` } }));
  return {
    status: 200,
    body: { links: { self: `${ctx.origin}/v3/projects`, previous: null, next: null }, projects },
  };
}
