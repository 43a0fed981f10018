import type { Emulator } from "../../emulator";
import { type SignedRequestOptions, signedRequest, type TestResponse } from "./signedRequest";

/** GET /v3/backups/offsite-backup-instance for a region's project, signed with the emulator's first credential. */
export function listInstances(
  emulator: Emulator,
  projectId: string | undefined,
  query: Record<string, string | string[]> = {},
  extra: Partial<SignedRequestOptions> = {},
): Promise<TestResponse> {
  return signedRequest(emulator.url, {
    path: "/v3/backups/offsite-backup-instance",
    query,
    headers: projectId === undefined ? {} : { "X-Project-Id": projectId },
    credential: emulator.credentials,
    ...extra,
  });
}

/** GET /v3/{project}/instances/{id}/offsite-restore-time, with X-Project-Id equal to the path's project. */
export function listRestoreTimes(
  emulator: Emulator,
  projectId: string,
  instanceId: string,
  query: Record<string, string> = {},
): Promise<TestResponse> {
  return signedRequest(emulator.url, {
    path: `/v3/${projectId}/instances/${instanceId}/offsite-restore-time`,
    query,
    headers: { "X-Project-Id": projectId },
    credential: emulator.credentials,
  });
}

export function projectOf(emulator: Emulator, region: string): string {
  const id = emulator.projects[region];
  if (id === undefined) throw new Error(`no project for ${region}`);
  return id;
}
