import { describe, expect, it } from "vitest";
import { useEmulator } from "../support/emulator";
import { projectOf } from "./fixtures";
import { rawRequest, signedRequest } from "./signedRequest";

describe("routing and common headers", () => {
  const emulator = useEmulator({ projectsPerRegion: { "cn-north-4": 2, "eu-west-101": 0 } });

  it("answers unknown paths 404 like the gateway, before authentication", async () => {
    const e = emulator();
    for (const path of [
      "/",
      "/v3/backups/offsite-backup-instance/",
      "/v2/backups/offsite-backup-instance",
      "/v3//projects",
    ]) {
      const res = await rawRequest(e.url, "GET", path, {});
      expect(res.status).toBe(404);
      expect(res.body).toEqual({
        error_code: "APIG.0101",
        error_msg: "The API does not exist or has not been published in the environment.",
        request_id: res.headers["x-request-id"],
      });
      expect(e.requests.at(-1)?.operation).toBe("unknown");
    }
  });

  it("answers another method on a known path with APIG's method error", async () => {
    const e = emulator();
    const res = await rawRequest(e.url, "POST", "/v3/backups/offsite-backup-instance", {});
    expect(res.status).toBe(404);
    expect(res.body.error_msg).toBe("The API does not exist.");
  });

  it("answers a broken percent-encoding 400", async () => {
    const e = emulator();
    const res = await rawRequest(e.url, "GET", "/v3/projects?name=%zz", {});
    expect(res.status).toBe(400);
    expect(res.body.error_code).toBe("APIG.0201");
  });

  it("sends X-Request-Id and the JSON content type on every answer", async () => {
    const e = emulator();
    const answers = [
      await rawRequest(e.url, "GET", "/nope", {}),
      await rawRequest(e.url, "GET", "/v3/projects", {}),
      await signedRequest(e.url, { path: "/v3/projects", credential: e.credentials }),
    ];
    const ids = answers.map((res) => {
      expect(res.headers["content-type"]).toBe("application/json;charset=UTF-8");
      expect(res.headers["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
      return res.headers["x-request-id"];
    });
    expect(new Set(ids).size).toBe(3);
  });

  it("lists IAM projects by name: one, two or none", async () => {
    const e = emulator();
    const named = async (name: string) =>
      (await signedRequest(e.url, { path: "/v3/projects", query: { name }, credential: e.credentials })).body;
    const one = await named("ap-southeast-1");
    expect(one.projects).toHaveLength(1);
    expect(one.projects[0]).toMatchObject({
      id: projectOf(e, "ap-southeast-1"),
      name: "ap-southeast-1",
      enabled: true,
      description: "",
    });
    expect(one.projects[0].domain_id).toMatch(/^[0-9a-f]{32}$/);
    expect(one.projects[0].parent_id).toBe(one.projects[0].domain_id);
    expect((await named("cn-north-4")).projects).toHaveLength(2);
    expect((await named("eu-west-101")).projects).toEqual([]);
    expect((await named("xx-nowhere-1")).projects).toEqual([]);
    expect(e.projects["eu-west-101"]).toBeUndefined();
    expect(e.requests.at(-1)?.projectIdHeader).toBeUndefined();
  });
});
