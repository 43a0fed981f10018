import { describe, expect, it } from "vitest";
import type { Emulator, RestoreTimeRange } from "../../emulator";
import { useEmulator } from "../support/emulator";
import { listRestoreTimes, projectOf } from "./fixtures";
import { signedRequest } from "./signedRequest";

const DAY = 86_400_000;
const anchorTime = Date.UTC(2025, 5, 15, 12);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** An instance of `region` with a range crossing UTC midnight, and that range. */
function instanceCrossingMidnight(e: Emulator, region: string): { id: string; range: RestoreTimeRange } {
  for (const instance of e.dataset.instances(region)) {
    const range = e.dataset.restoreRanges(instance.id).find((r) => isoDay(r.start_time) !== isoDay(r.end_time));
    if (range) return { id: instance.id, range };
  }
  throw new Error(`no range crosses midnight in ${region}`);
}

describe("GET /v3/{project_id}/instances/{instance_id}/offsite-restore-time", () => {
  const emulator = useEmulator({ anchorTime });

  it("returns all ranges of the instance without date", async () => {
    const e = emulator();
    const [instance] = e.dataset.instances("cn-north-4");
    const res = await listRestoreTimes(e, projectOf(e, "cn-north-4"), instance!.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ restore_time: e.dataset.restoreRanges(instance!.id) });
  });

  it("returns a range crossing midnight, unclipped, on both of its dates", async () => {
    const e = emulator();
    const { id, range } = instanceCrossingMidnight(e, "ap-southeast-1");
    const projectId = projectOf(e, "ap-southeast-1");
    for (const date of [isoDay(range.start_time), isoDay(range.end_time)]) {
      const res = await listRestoreTimes(e, projectId, id, { date });
      expect(res.status).toBe(200);
      expect(res.body.restore_time).toContainEqual(range);
    }
  });

  it("returns exactly the ranges overlapping the UTC day", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    for (const instance of e.dataset.instances("cn-north-4").slice(0, 4)) {
      const all = e.dataset.restoreRanges(instance.id);
      const days = new Set(all.flatMap((r) => [r.start_time, r.end_time, r.end_time + DAY]).map(isoDay));
      for (const date of days) {
        const dayStart = Date.parse(`${date}T00:00:00Z`);
        const expected = all.filter((r) => r.start_time < dayStart + DAY && r.end_time >= dayStart);
        const res = await listRestoreTimes(e, projectId, instance.id, { date });
        expect(res.body.restore_time).toEqual(expected);
      }
    }
  });

  it("returns no ranges for a day outside the retention window, and accepts leap days", async () => {
    const e = emulator();
    const [instance] = e.dataset.instances("cn-north-4");
    for (const date of ["2000-01-01", "2024-02-29", "2099-12-31"]) {
      const res = await listRestoreTimes(e, projectOf(e, "cn-north-4"), instance!.id, { date });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ restore_time: [] });
    }
  });

  it.each([
    "2023-02-29",
    "2024-02-30",
    "2024-13-01",
    "2024-00-10",
    "2024-1-01",
    "20240101",
    "",
    "2024-01-01T00:00:00Z",
    "today",
  ])("rejects date=%j with 400", async (date) => {
    const e = emulator();
    const [instance] = e.dataset.instances("cn-north-4");
    const res = await listRestoreTimes(e, projectOf(e, "cn-north-4"), instance!.id, { date });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error_code: "DBS.200001", error_msg: "Parameter error." });
  });

  it("answers 404 for an unknown instance", async () => {
    const e = emulator();
    const res = await listRestoreTimes(e, projectOf(e, "cn-north-4"), `${"0".repeat(32)}in01`);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error_code: "DBS.200002", error_msg: "The DB instance does not exist." });
  });

  it("answers 404 when asked with the project of another region than the backups'", async () => {
    const e = emulator();
    const [instance] = e.dataset.instances("cn-north-4");
    const res = await listRestoreTimes(e, projectOf(e, "eu-west-101"), instance!.id);
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe("DBS.200002");
  });

  it("answers 403 for a project that is not the account's, or an X-Project-Id other than the path's", async () => {
    const e = emulator();
    const [instance] = e.dataset.instances("cn-north-4");
    const unknown = await listRestoreTimes(e, "f".repeat(32), instance!.id);
    expect(unknown.status).toBe(403);
    expect(unknown.body.error_code).toBe("DBS.200010");
    const projectId = projectOf(e, "cn-north-4");
    const mismatch = await signedRequest(e.url, {
      path: `/v3/${projectId}/instances/${instance!.id}/offsite-restore-time`,
      headers: { "X-Project-Id": projectOf(e, "eu-west-101") },
      credential: e.credentials,
    });
    expect(mismatch.status).toBe(403);
  });

  it("decodes percent-encoded path segments for the lookup", async () => {
    const e = emulator();
    const [instance] = e.dataset.instances("cn-north-4");
    const projectId = projectOf(e, "cn-north-4");
    const encodedId = [...instance!.id].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`).join("");
    const res = await signedRequest(e.url, {
      path: `/v3/${projectId}/instances/${instance!.id}/offsite-restore-time`,
      wirePath: `/v3/${projectId}/instances/${encodedId}/offsite-restore-time`,
      headers: { "X-Project-Id": projectId },
      credential: e.credentials,
    });
    expect(res.status).toBe(200);
    expect(e.requests.at(-1)?.path).toContain(encodedId);
  });

  it("routes an encoded slash as a separator, like the gateway: the path no longer matches an API", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    const res = await signedRequest(e.url, {
      path: `/v3/${projectId}/instances/a/b/offsite-restore-time`,
      wirePath: `/v3/${projectId}/instances/a%2Fb/offsite-restore-time`,
      headers: { "X-Project-Id": projectId },
      credential: e.credentials,
    });
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe("APIG.0101");
  });
});
