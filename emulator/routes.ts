/** What a request asks for, once its path matched an API. */
export type Route =
  | { readonly operation: "listOffsiteInstances" }
  | { readonly operation: "listRestoreTimes"; readonly projectId: string; readonly instanceId: string }
  | { readonly operation: "listProjects" }
  | { readonly operation: "unknown"; readonly reason: "noSuchPath" | "noSuchMethod" };

function matchPath(segments: readonly string[]): Exclude<Route, { operation: "unknown" }> | undefined {
  const [root, version, ...rest] = segments;
  // nginx would merge "//" and resolve dot segments into some other path; no API matches such a path here.
  if (root !== "" || version !== "v3" || rest.some((s) => s === "" || s === "." || s === "..")) return undefined;
  // GET /v3/backups/offsite-backup-instance
  if (rest.length === 2 && rest[0] === "backups" && rest[1] === "offsite-backup-instance") {
    return { operation: "listOffsiteInstances" };
  }
  // GET /v3/{project_id}/instances/{instance_id}/offsite-restore-time
  if (rest.length === 4 && rest[1] === "instances" && rest[3] === "offsite-restore-time") {
    return { operation: "listRestoreTimes", projectId: rest[0]!, instanceId: rest[2]! };
  }
  // GET /v3/projects (IAM)
  if (rest.length === 1 && rest[0] === "projects") return { operation: "listProjects" };
  return undefined;
}

/** Routes by the decoded path segments; every API here is a GET, other methods on its path are APIG's "no such method". */
export function matchRoute(method: string, segments: readonly string[]): Route {
  const route = matchPath(segments);
  if (!route) return { operation: "unknown", reason: "noSuchPath" };
  if (method !== "GET") return { operation: "unknown", reason: "noSuchMethod" };
  return route;
}
