import { afterAll, beforeAll, beforeEach } from "vitest";
import { type Emulator, type EmulatorOptions, startEmulator } from "../../emulator";
import { type SignedRequestOptions, signedRequest, type TestResponse } from "./signedRequest";

/** One emulator per test file, its stats, faults and hook reset before each test. */
export function useEmulator(options: EmulatorOptions = {}): () => Emulator {
  let emulator: Emulator | undefined;
  beforeAll(async () => {
    emulator = await startEmulator(options);
  });
  afterAll(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    emulator?.resetStats();
    emulator?.onRequest(undefined);
    emulator?.setLatency(0);
  });
  return () => {
    if (!emulator) throw new Error("emulator not started");
    return emulator;
  };
}

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
