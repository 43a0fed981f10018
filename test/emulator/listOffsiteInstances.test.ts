import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { listInstances, projectOf } from "./fixtures";
import { signedRequest } from "./signedRequest";

const parameterError = { error_code: "DBS.200001", error_msg: "Parameter error." };

describe("GET /v3/backups/offsite-backup-instance", () => {
  const emulator = useEmulator({ projectsPerRegion: { "cn-north-4": 2 } });

  it("pages the region of X-Project-Id in a stable order, with total_count on every page", async () => {
    const e = emulator();
    const region = "ap-southeast-1";
    const all = e.dataset.instances(region);
    expect(all).toHaveLength(237);
    const seen = [];
    for (let offset = 0; offset < 237; offset += 100) {
      const res = await listInstances(e, projectOf(e, region), { offset: String(offset), limit: "100" });
      expect(res.status).toBe(200);
      expect(res.body.total_count).toBe(237);
      seen.push(...res.body.offsite_backup_instances);
    }
    expect(seen).toEqual(all);
    expect(new Set(seen.map((i) => i.id)).size).toBe(237);
  });

  it("defaults to offset 0 and limit 100", async () => {
    const e = emulator();
    const res = await listInstances(e, projectOf(e, "ap-southeast-1"));
    expect(res.body.offsite_backup_instances).toEqual(e.dataset.instances("ap-southeast-1").slice(0, 100));
  });

  it("answers an empty page with the total when offset is at or past the end", async () => {
    const e = emulator();
    for (const offset of ["12", "13", "2147483647"]) {
      const res = await listInstances(e, projectOf(e, "cn-north-4"), { offset });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ total_count: 12, offsite_backup_instances: [] });
    }
  });

  it("returns only instances whose backups live in the queried region, stamped with its project", async () => {
    const e = emulator();
    const projectId = projectOf(e, "eu-west-101");
    const res = await listInstances(e, projectId);
    expect(res.body.total_count).toBe(3);
    for (const item of res.body.offsite_backup_instances) {
      expect(item.destination_region).toBe("eu-west-101");
      expect(item.destination_project_id).toBe(projectId);
      expect(item.source_region).not.toBe("eu-west-101");
    }
  });

  it.each([
    ["limit", "0"],
    ["limit", "101"],
    ["limit", "-1"],
    ["limit", ""],
    ["limit", "abc"],
    ["limit", "1.5"],
    ["limit", "1e2"],
    ["limit", " 5"],
    ["offset", "-1"],
    ["offset", ""],
    ["offset", "x"],
    ["offset", "2147483648"],
  ])("rejects %s=%j with 400 and the RDS parameter error", async (name, value) => {
    const e = emulator();
    const res = await listInstances(e, projectOf(e, "cn-north-4"), { [name]: value });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(parameterError);
    expect(e.requests.at(-1)?.errorCode).toBe("DBS.200001");
  });

  it("rejects a repeated limit", async () => {
    const e = emulator();
    const res = await listInstances(e, projectOf(e, "cn-north-4"), { limit: ["10", "20"] });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(parameterError);
  });

  it("accepts the bounds limit=1 and limit=100", async () => {
    const e = emulator();
    for (const limit of ["1", "100"]) {
      const res = await listInstances(e, projectOf(e, "ap-southeast-1"), { limit });
      expect(res.status).toBe(200);
      expect(res.body.offsite_backup_instances).toHaveLength(Number(limit));
    }
  });

  it("requires X-Project-Id, and a project of this account", async () => {
    const e = emulator();
    const missing = await listInstances(e, undefined);
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual(parameterError);
    const unknown = await listInstances(e, "0".repeat(32));
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual({
      error_code: "DBS.200010",
      error_msg: "The DB instance ID or user ID may be null, or the operation is not authorized.",
    });
  });

  it("lists nothing for a second project of the same name: the region's instances belong to its first project", async () => {
    const e = emulator();
    const projects = await signedRequest(e.url, {
      path: "/v3/projects",
      query: { name: "cn-north-4" },
      credential: e.credentials,
    });
    const ids = projects.body.projects.map((p: { id: string }) => p.id);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(projectOf(e, "cn-north-4"));
    const second = await listInstances(e, ids[1]);
    expect(second.body).toEqual({ total_count: 0, offsite_backup_instances: [] });
  });
});

describe("listing while the dataset changes", () => {
  const emulator = useEmulator();

  it("sees dataset changes between pages (a test hook may change the cloud mid-listing)", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    const first = await listInstances(e, projectId, { limit: "5" });
    const removed = first.body.offsite_backup_instances[0].id;
    e.onRequest(() => {
      e.dataset.removeInstance(removed);
      e.onRequest(undefined);
    });
    const second = await listInstances(e, projectId, { offset: "5", limit: "5" });
    expect(second.body.total_count).toBe(11);
    const [added] = e.dataset.addInstances("cn-north-4", 1);
    const last = await listInstances(e, projectId, { offset: "10" });
    expect(last.body.total_count).toBe(12);
    expect(last.body.offsite_backup_instances.at(-1)).toEqual(added);
  });
});
