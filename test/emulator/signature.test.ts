import { describe, expect, it } from "vitest";

import { useEmulator, withEmulator } from "../support/emulator";
import { listInstances, projectOf } from "./fixtures";
import { rawRequest, signedRequest } from "./signedRequest";

const signatureFail = "Incorrect IAM authentication information: verify aksk signature fail";

/** Changes one character of the Signature=... value. */
function flipLastSignatureChar(headers: Record<string, string>): Record<string, string> {
  const auth = headers.Authorization!;
  const last = auth.at(-1) === "0" ? "1" : "0";
  return { ...headers, Authorization: `${auth.slice(0, -1)}${last}` };
}

describe("SDK-HMAC-SHA256 verification", () => {
  const emulator = useEmulator();

  it("accepts a request signed by Huawei's AKSKSigner", async () => {
    const e = emulator();
    const res = await listInstances(e, projectOf(e, "cn-north-4"), { limit: "3", offset: "1" });
    expect(res.status).toBe(200);
    expect(e.requests.at(-1)?.signedHeaders).toEqual(["host", "x-project-id", "x-sdk-date"]);
  });

  it("rejects the same request when one character of the signature changes, echoing its canonical request", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    const date = new Date();
    const res = await listInstances(e, projectId, { limit: "3" }, { date, tamper: flipLastSignatureChar });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({
      error_code: "APIG.0301",
      error_msg: signatureFail,
      request_id: res.headers["x-request-id"],
    });
    const sdkDate = `${date.toISOString().slice(0, 19).replace(/[-:]/g, "")}Z`;
    const host = new URL(e.url).host;
    expect(JSON.parse(res.headers["x-emulator-canonical-request"] as string)).toBe(
      [
        "GET",
        "/v3/backups/offsite-backup-instance/",
        "limit=3",
        `host:${host}\nx-project-id:${projectId}\nx-sdk-date:${sdkDate}\n`,
        "host;x-project-id;x-sdk-date",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      ].join("\n"),
    );
  });

  it("rejects a request whose query changed after signing", async () => {
    const e = emulator();
    const res = await listInstances(e, projectOf(e, "cn-north-4"), { limit: "3" }, { wireQuery: "limit=4" });
    expect(res.status).toBe(401);
    expect(res.body.error_msg).toBe(signatureFail);
  });

  it("rejects a request whose X-Project-Id changed after signing", async () => {
    const e = emulator();
    const res = await listInstances(
      e,
      projectOf(e, "cn-north-4"),
      {},
      {
        tamper: (h) => ({ ...h, "X-Project-Id": projectOf(e, "eu-west-101") }),
      },
    );
    expect(res.status).toBe(401);
  });

  it("decodes the query like the client encoded it: %20 and + both mean a space", async () => {
    const e = emulator();
    for (const wireQuery of ["name=cn%20north", "name=cn+north"]) {
      const res = await signedRequest(e.url, {
        path: "/v3/projects",
        query: { name: "cn north" },
        wireQuery,
        credential: e.credentials,
      });
      expect(res.status).toBe(200);
      expect(res.body.projects).toEqual([]);
    }
  });

  it("decodes percent-encoded path segments before canonicalising them", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    // The signer sees the decoded id "ab:c(d)"; the wire carries it encoded.
    const res = await signedRequest(e.url, {
      path: `/v3/${projectId}/instances/ab:c(d)/offsite-restore-time`,
      wirePath: `/v3/${projectId}/instances/ab%3Ac%28d%29/offsite-restore-time`,
      headers: { "X-Project-Id": projectId },
      credential: e.credentials,
    });
    expect(res.status).toBe(404);
    expect(res.body.error_code).toBe("DBS.200002");
  });

  it("requires X-Sdk-Date to be signed and nothing else, as the gateway (the Go SDK signs no host)", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    const withoutHost = await signedRequest(e.url, {
      path: "/v3/backups/offsite-backup-instance",
      headers: { "X-Project-Id": projectId },
      credential: e.credentials,
      signHost: false,
    });
    expect(withoutHost.status).toBe(200);
    expect(withoutHost.body.total_count).toBeGreaterThan(0);

    const unsignedProject = await listInstances(
      e,
      undefined,
      {},
      { tamper: (h) => ({ ...h, "X-Project-Id": projectId }) },
    );
    expect(unsignedProject.status).toBe(200);

    const withoutDate = await listInstances(
      e,
      projectId,
      {},
      {
        tamper: (h) => ({ ...h, Authorization: h.Authorization!.replace(";x-sdk-date,", ",") }),
      },
    );
    expect(withoutDate.status).toBe(401);
    expect(withoutDate.headers["x-emulator-reason"]).toBe('"header x-sdk-date must be signed"');
  });

  it("checks every signed header against the value sent: host, X-Project-Id", async () => {
    const e = emulator();
    const projectId = projectOf(e, "cn-north-4");
    const otherHost = await listInstances(e, projectId, {}, { tamper: (h) => ({ ...h, host: "rds.example.com" }) });
    expect(otherHost.status).toBe(401);
    expect(otherHost.body.error_msg).toBe(signatureFail);
    const otherProject = await listInstances(
      e,
      projectId,
      {},
      { tamper: (h) => ({ ...h, "X-Project-Id": `${projectId.slice(0, -1)}0` }) },
    );
    expect(otherProject.status).toBe(401);
    expect(otherProject.headers["x-emulator-reason"]).toBe('"signature mismatch"');
  });

  it("answers a missing Authorization and an unknown access key like the gateway", async () => {
    const e = emulator();
    const unsigned = await rawRequest(e.url, "GET", "/v3/projects?name=cn-north-4", {});
    expect(unsigned.status).toBe(401);
    expect(unsigned.body).toEqual({
      error_code: "APIG.0301",
      error_msg: "Incorrect IAM authentication information: x-auth-token not found",
      request_id: unsigned.headers["x-request-id"],
    });
    const unknown = await signedRequest(e.url, {
      path: "/v3/projects",
      credential: { accessKey: "UNKNOWNAK00000000000", secretKey: e.credentials.secretKey },
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error_msg).toBe(
      "Incorrect IAM authentication information: Get secretKey failed,ak:UNKNOWNAK00000000000,err:ak not exist",
    );
  });

  it("rejects the right access key with a wrong secret", async () => {
    const e = emulator();
    const res = await signedRequest(e.url, {
      path: "/v3/projects",
      credential: { accessKey: e.credentials.accessKey, secretKey: "wrong-secret" },
    });
    expect(res.status).toBe(401);
    expect(res.body.error_msg).toBe(signatureFail);
  });

  it("rejects X-Sdk-Date more than the allowed skew away, either way, and accepts it within", async () => {
    const e = emulator();
    const minutes = (n: number) => new Date(Date.now() + n * 60_000);
    for (const date of [minutes(-16), minutes(16)]) {
      const res = await signedRequest(e.url, { path: "/v3/projects", credential: e.credentials, date });
      expect(res.status).toBe(401);
      expect(res.body.error_code).toBe("APIG.0301");
      expect(res.body.error_msg).toMatch(
        /^Incorrect IAM authentication information: calc ak sk signature fail:signature expired, signature time:\d{8}T\d{6}Z,server time:\d{8}T\d{6}Z$/,
      );
    }
    for (const date of [minutes(-14), minutes(14)]) {
      const res = await signedRequest(e.url, { path: "/v3/projects", credential: e.credentials, date });
      expect(res.status).toBe(200);
    }
  });

  it("rejects an X-Sdk-Date that is not YYYYMMDDTHHMMSSZ", async () => {
    const e = emulator();
    const res = await signedRequest(e.url, {
      path: "/v3/projects",
      credential: e.credentials,
      tamper: (h) => ({ ...h, "X-Sdk-Date": new Date().toISOString() }),
    });
    expect(res.status).toBe(401);
    expect(res.headers["x-emulator-reason"]).toBe('"X-Sdk-Date is missing or not YYYYMMDDTHHMMSSZ"');
  });
});

describe("temporary credentials", () => {
  const temporary = { accessKey: "TEMPAK00000000000001", secretKey: "temp-secret", securityToken: "token-abc" };
  const emulator = useEmulator({
    credentials: [temporary, { accessKey: "PERMAK00000000000001", secretKey: "perm-secret" }],
  });

  it("requires the matching X-Security-Token, signed", async () => {
    const e = emulator();
    expect(e.credentials).toEqual(temporary);
    const ok = await signedRequest(e.url, { path: "/v3/projects", credential: temporary });
    expect(ok.status).toBe(200);
    expect(e.requests.at(-1)?.signedHeaders).toContain("x-security-token");

    const missing = await signedRequest(e.url, {
      path: "/v3/projects",
      credential: { ...temporary, securityToken: undefined },
    });
    expect(missing.status).toBe(401);
    const wrong = await signedRequest(e.url, {
      path: "/v3/projects",
      credential: { ...temporary, securityToken: "other" },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.headers["x-emulator-canonical-request"]).toContain("x-security-token:<redacted>");
    expect(wrong.headers["x-emulator-canonical-request"]).not.toContain("other");
  });

  it("accepts the permanent pair without a token", async () => {
    const e = emulator();
    const res = await signedRequest(e.url, {
      path: "/v3/projects",
      credential: { accessKey: "PERMAK00000000000001", secretKey: "perm-secret" },
    });
    expect(res.status).toBe(200);
  });
});

describe("clock skew option", () => {
  it("honours maxClockSkewMs", async () => {
    await withEmulator({ maxClockSkewMs: 60_000 }, async (e) => {
      const res = await signedRequest(e.url, {
        path: "/v3/projects",
        credential: e.credentials,
        date: new Date(Date.now() - 2 * 60_000),
      });
      expect(res.status).toBe(401);
      expect(res.body.error_msg).toContain("signature expired");
    });
  });
});
