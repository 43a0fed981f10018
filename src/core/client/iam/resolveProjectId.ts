import { singleFlight } from "../../singleFlight";
import { ConfigurationError } from "../errors/ConfigurationError";
import { shown } from "../errors/echoedText";
import { pathOf } from "../http/path";
import { getJson } from "../http/requestJson";
import { isRecord } from "../http/responseShape";
import { badResponse, fromWire } from "../http/wireError";
import type { ClientSettings } from "../settings/settings";
import { PROJECT_ID } from "../validation";

/** Project ids looked up, kept for the life of the process; a failed lookup is not kept. */
const lookups = singleFlight<string>({ keepUntil: () => Infinity });

/**
 * The project id of `settings.region`: the configured one, or looked up once per (IAM endpoint, access key, region)
 * for the life of the process. A failed lookup is not cached. Never creates a project (as one official SDK does).
 */
export function resolveProjectId(settings: ClientSettings): Promise<string> {
  if (settings.projectId !== undefined) return Promise.resolve(settings.projectId);
  // Issue 20: a credential found by the chain (no access key in the settings) is keyed by the chain's identity.
  const key = [settings.iamEndpoint, settings.accessKey || settings.credentials?.identity, settings.region].join("\n");
  return lookups.run(key, () => lookUpProjectId(settings));
}

async function lookUpProjectId(settings: ClientSettings): Promise<string> {
  // IAM: GET /v3/projects?name={region} — signed, without X-Project-Id.
  const path = pathOf("v3", "projects");
  const { body, requestId } = await getJson(settings, {
    endpoint: settings.iamEndpoint,
    path,
    query: { name: settings.region },
  });
  const refuse = (problem: string) => badResponse(settings, `${path}?name=${settings.region}`, problem, requestId);
  if (!isRecord(body) || !Array.isArray(body.projects)) throw refuse("no `projects` array");
  const ids: string[] = [];
  for (const [index, project] of body.projects.entries()) {
    if (!isRecord(project) || project.name !== settings.region) continue;
    // The id goes into request paths and the signed X-Project-Id header: it must be an id, nothing more.
    if (typeof project.id !== "string" || !PROJECT_ID.test(project.id)) {
      throw refuse(`\`projects[${index}].id\` is ${shown(project.id, 80)}, not a project id`);
    }
    ids.push(project.id);
  }
  if (ids.length === 1) return ids[0] as string;
  const fix = settings.projectIdHelp;
  if (ids.length === 0) {
    throw new ConfigurationError(
      "projectId",
      `IAM has no project named "${settings.region}" visible to these credentials, so the project id of region ${settings.region} is unknown. ${fix}`,
    );
  }
  throw new ConfigurationError(
    "projectId",
    `IAM has ${ids.length} projects named "${settings.region}" (${fromWire(settings, ids.join(", "))}); choose one. ${fix}`,
  );
}

/** Forgets cached project ids (tests; long-lived processes after credentials rotate). */
export function clearProjectIdCache(): void {
  lookups.clear();
}
