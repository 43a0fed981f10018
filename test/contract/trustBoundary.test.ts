import { inspect } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import { ConfigurationError } from "../../src/core/client/errors/ConfigurationError";
import { HuaweiCloudError } from "../../src/core/client/errors/HuaweiCloudError";
import { IncompleteListingError } from "../../src/core/client/errors/IncompleteListingError";
import { InvalidArgumentError } from "../../src/core/client/errors/InvalidArgumentError";
import { queryRestoreTime } from "../../src/core/dataSources/checkRestoreTime";
import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { queryOffsiteRestoreTimeRanges } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, environmentFor } from "../support/emulator";
import { answer, startTestServer } from "../support/testServer";

// Nothing from the wire may leak a credential or steer the client: each test points the client at a server that
// controls every byte of its answers.
const accessKey = "HOSTILETESTACCESSKEY1";
const secretKey = "HostileTestSecretKeyThatMustNeverLeak00";
const securityToken = "HostileTest+Security/Token==ThatMustNeverLeak";
const projectId = "0123456789abcdef0123456789abcdef";
const instanceId = "0123456789abcdef0123456789abcdefin01";
const server = await startTestServer();
const elsewhere = await startTestServer();
const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 1 } });

function lookup(env: Record<string, string> = {}) {
  const values: Record<string, string> = {
    HW_ACCESS_KEY: accessKey,
    HW_SECRET_KEY: secretKey,
    HW_SECURITY_TOKEN: securityToken,
    HW_REGION_NAME: "ap-southeast-1",
    HW_PROJECT_ID: projectId,
    HW_RDS_ENDPOINT: server.url,
    HW_IAM_ENDPOINT: server.url,
    HW_MAX_RETRIES: "0",
    ...env,
  };
  return { env: values };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("should fail"),
    (error: unknown) => error,
  );

/** Every way a user or a log sees an error. */
function renderings(error: unknown): string[] {
  return [
    String(error),
    (error as Error).message,
    (error as Error).stack ?? "",
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 10 }),
  ];
}

function expectNoCredential(error: unknown, credentials = [accessKey, secretKey, securityToken]) {
  for (const text of renderings(error)) {
    for (const credential of credentials) {
      expect(text).not.toContain(credential);
      expect(text).not.toContain(encodeURIComponent(credential));
    }
  }
}

beforeEach(() => {
  server.requests.length = 0;
  elsewhere.requests.length = 0;
});

describe("redirects", () => {
  it.each([301, 302, 303, 307, 308])("refuses a %i, naming the status and the target origin", async (status) => {
    elsewhere.handle((_req, res) => answer(res, 200, { restore_time: [{ start_time: 0, end_time: 9e12 }] }));
    server.handle((req, res) => answer(res, status, "", { Location: `${elsewhere.url}${req.url}` }));
    const error = await failure(queryRestoreTime({ instanceId, restoreTime: "2026-11-20T03:00:00Z" }, lookup()));
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status, errorCode: "CLIENT.Redirect", attempts: 1 });
    expect((error as HuaweiCloudError).errorMessage).toBe(
      `the endpoint answered a redirect to ${elsewhere.url}; redirects are refused (Huawei Cloud APIs do not redirect, and following one would send the request's credentials to another origin)`,
    );
    expect(server.requests).toHaveLength(1);
    expect(elsewhere.requests).toHaveLength(0);
  });
});

describe("credentials in text from the wire", () => {
  it("redacts the access key the gateway echoes in APIG.0301 (Get secretKey failed,ak:…)", async () => {
    const error = await failure(
      queryOffsiteBackupInstances(
        {},
        { env: { ...environmentFor(emulator), HW_ACCESS_KEY: accessKey, HW_SECRET_KEY: secretKey } },
      ),
    );
    expect(error).toMatchObject({ status: 401, errorCode: "APIG.0301" });
    expect((error as HuaweiCloudError).errorMessage).toBe(
      "Incorrect IAM authentication information: Get secretKey failed,ak:[access key],err:ak not exist",
    );
    expectNoCredential(error, [accessKey, secretKey]);
  });

  it("redacts request headers echoed in the body and in X-Request-Id", async () => {
    server.handle((req, res) =>
      answer(
        res,
        400,
        { error_code: `DBS.200001 ${accessKey}`, error_msg: `bad request: ${JSON.stringify(req.headers)}` },
        { "X-Request-Id": `${req.headers.authorization} ${req.headers["x-security-token"]}` },
      ),
    );
    const error = (await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup()))) as HuaweiCloudError;
    expect(error.errorCode).toBe("DBS.200001 [access key]");
    expect(error.errorMessage).toContain('"x-security-token":"[security token]"');
    expect(error.requestId).toMatch(/^SDK-HMAC-SHA256 Access=\[access key\], .* \[security token\]$/);
    expectNoCredential(error);
  });

  it("keeps the credentials out of an error's cause: a failed confirmation of a restore decision", async () => {
    server.handle((req, res) =>
      req.url?.includes("date=")
        ? answer(res, 200, { restore_time: [] })
        : answer(res, 400, { error_code: "DBS.200001", error_msg: `ak:${accessKey} token:${securityToken}` }),
    );
    const error = await failure(queryRestoreTime({ instanceId, restoreTime: "2026-11-20T03:00:00Z" }, lookup()));
    expect((error as Error).cause).toBeInstanceOf(HuaweiCloudError);
    expect((error as Error).message).toMatch(
      /Confirming against the full list of ranges failed: .* DBS\.200001: ak:\[access key\] token:\[security token\]/,
    );
    expect(server.requests).toHaveLength(2);
    expectNoCredential(error);
  });

  it("caps echoed text and says so", async () => {
    server.handle((_req, res) => answer(res, 400, { error_code: "DBS.200001", error_msg: "x".repeat(1_000_000) }));
    const error = (await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup()))) as HuaweiCloudError;
    expect(error.errorMessage).toBe(`${"x".repeat(500)}… (truncated, 1000000 chars)`);
    expect(error.message.length).toBeLessThan(800);
  });

  it("caps and redacts a body that is not JSON (a gateway's HTML page)", async () => {
    const page = `<html>${accessKey} ${"y".repeat(1_000_000)}</html>`;
    server.handle((_req, res) => answer(res, 502, page, { "Content-Type": "text/html" }));
    const error = (await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup()))) as HuaweiCloudError;
    expect(error).toMatchObject({ status: 502, errorCode: "HTTP.502" });
    expect(error.errorMessage).toBe(`<html>[access key] ${"y".repeat(481)}… (truncated, 1000035 chars)`);
    expectNoCredential(error);
  });

  it("redacts a credential anywhere in a 200 that is not JSON, before capping it", async () => {
    server.handle((_req, res) => answer(res, 200, `${"z".repeat(190)} ${accessKey} ${"z".repeat(1_000)}`));
    const error = (await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup()))) as HuaweiCloudError;
    expect(error).toMatchObject({ status: 200, errorCode: "CLIENT.BadResponse" });
    expect(error.errorMessage).toBe(
      `the response is not JSON: "${"z".repeat(190)} [access key] ${"z".repeat(269)}… (truncated, 1232 chars)`,
    );
    expectNoCredential(error);
  });

  it("redacts and caps the project ids IAM lists when several share the region's name", async () => {
    const projects = [accessKey, ...Array.from({ length: 20_000 }, (_, index) => `project${index}`)].map((id) => ({
      id,
      name: "ap-southeast-1",
    }));
    server.handle((_req, res) => answer(res, 200, { projects }));
    const error = await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup({ HW_PROJECT_ID: "" })));
    expect(error).toBeInstanceOf(ConfigurationError);
    const message = (error as Error).message;
    expect(message).toMatch(
      /^IAM has 20001 projects named "ap-southeast-1" \(\[access key\], project0, project1, .*… \(truncated, \d+ chars\)\); choose one\. Set projectId/,
    );
    expect(message.length).toBeLessThan(1_000);
    expectNoCredential(error);
    expect(server.requests).toHaveLength(1);
  });

  it("caps an argument echoed in an error, before any request", async () => {
    const error = await failure(queryOffsiteRestoreTimeRanges({ instanceId: "x".repeat(1_000_000) }, lookup()));
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toMatch(
      /^Invalid argument "instanceId": "x{500}"… \(truncated, 1000000 chars\) is not/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("settings that could leak or misdirect a credential", () => {
  it.each([
    ["HW_ACCESS_KEY", "accessKey", `${accessKey}\r\nX-Injected: 1`, "a line break at position 22"],
    ["HW_SECRET_KEY", "secretKey", `${secretKey}\n`, "a line break at position 40"],
    ["HW_SECURITY_TOKEN", "securityToken", `${securityToken}€`, "the character U+20AC at position 46"],
    ["HW_ACCESS_KEY", "accessKey", `${accessKey}é`, "the character U+00E9 at position 22"],
  ])("refuses %s with %j before any request, without echoing it", async (variable, setting, value, what) => {
    const error = await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup({ [variable]: value })));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error).toMatchObject({ setting });
    expect((error as Error).message).toBe(
      `Invalid ${variable} in environment: contains ${what}; credentials are printable ASCII (the value is not shown)`,
    );
    expectNoCredential(error, [value.trim(), accessKey, secretKey, securityToken]);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ["HW_MAX_RETRIES", "must be an integer from 0 to 10, got"],
    ["HW_CLOUD", ""],
  ])("caps a 1 MB %s echoed in its refusal, before any request", async (variable, reason) => {
    const error = await failure(
      queryOffsiteRestoreTimeRanges({ instanceId }, lookup({ [variable]: "x".repeat(1_000_000) })),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(
      new RegExp(`^Invalid ${variable} in environment: ${reason} ?"x{500}"… \\(truncated, 1000000 chars\\)`),
    );
    expect((error as Error).message.length).toBeLessThan(700);
    expect(server.requests).toHaveLength(0);
  });

  it("refuses an endpoint URL with user info rather than dropping it", async () => {
    const withUserInfo = server.url.replace("http://", "http://user:p4ssw0rd@");
    const error = await failure(
      queryOffsiteRestoreTimeRanges({ instanceId }, lookup({ HW_RDS_ENDPOINT: withUserInfo })),
    );
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toBe(
      "Invalid HW_RDS_ENDPOINT in environment: must not contain user info (user:password@); the URL is not shown",
    );
    expect(renderings(error).join("")).not.toContain("p4ssw0rd");
    expect(server.requests).toHaveLength(0);
  });
});

describe("a total_count the rows do not support", () => {
  it.each([1e6, 1e9])("stops after a bounded number of requests when 250 rows claim %i", async (claimed) => {
    server.handle((req, res) => {
      const offset = Number(new URL(req.url ?? "", server.url).searchParams.get("offset"));
      const rows = Array.from({ length: Math.max(0, Math.min(100, 250 - offset)) }, (_, index) => ({
        id: `instance${offset + index}`,
      }));
      answer(res, 200, { total_count: claimed, offsite_backup_instances: rows });
    });
    const error = await failure(queryOffsiteBackupInstances({}, lookup()));
    expect(error).toBeInstanceOf(IncompleteListingError);
    expect(error).toMatchObject({ expected: claimed, received: 250 });
    expect((error as Error).message).toContain("page at offset 200 had 50 items, expected 100");
    expect((error as Error).message.length).toBeLessThan(3_000);
    // Each of the two readings plans at most 16 pages beyond the 2 full pages after the first.
    expect(server.requests.length).toBeLessThanOrEqual(2 * (3 + 16));
  });
});

describe("answers are type-checked", () => {
  const listingWith = (item: Record<string, unknown>) =>
    server.handle((_req, res) =>
      answer(res, 200, { total_count: 1, offsite_backup_instances: [{ id: "a", ...item }] }),
    );

  it.each([
    [{ keep_days: "7" }, '`offsite_backup_instances[0].keep_days` is "7", not a non-negative integer'],
    [{ keep_days: -1 }, "`offsite_backup_instances[0].keep_days` is -1, not a non-negative integer"],
    [{ name: 42 }, "`offsite_backup_instances[0].name` is 42, not a string"],
    [{ datastore: "MySQL" }, '`offsite_backup_instances[0].datastore` is "MySQL", not an object'],
    [{ datastore: { type: ["MySQL"] } }, '`offsite_backup_instances[0].datastore.type` is ["MySQL"], not a string'],
    [{ source_region: {} }, "`offsite_backup_instances[0].source_region` is {}, not a string"],
  ])("refuses an instance with %j, naming the field", async (item, problem) => {
    listingWith(item);
    const error = await failure(queryOffsiteBackupInstances({}, lookup()));
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ errorCode: "CLIENT.BadResponse", status: undefined });
    expect((error as HuaweiCloudError).errorMessage).toBe(`unexpected response body: ${problem}`);
  });

  it("accepts absent and null optional fields as absent", async () => {
    listingWith({ name: null, keep_days: null, datastore: { type: "MySQL" } });
    const result = await queryOffsiteBackupInstances({}, lookup());
    expect(result.instances).toEqual([
      {
        id: "a",
        name: undefined,
        sourceRegion: undefined,
        sourceProjectId: undefined,
        datastore: { type: "MySQL", version: undefined },
        destinationRegion: undefined,
        destinationProjectId: undefined,
        keepDays: undefined,
      },
    ]);
  });

  it("passes on only the fields it documents, whatever else an answer carries", async () => {
    listingWith({
      name: "db",
      keep_days: 7,
      datastore: { type: "MySQL", version: "8.0", license: "x" },
      region_secret: "not ours",
    });
    const [instance] = (await queryOffsiteBackupInstances({}, lookup())).instances;
    expect(instance).toStrictEqual({
      id: "a",
      name: "db",
      sourceRegion: undefined,
      sourceProjectId: undefined,
      datastore: { type: "MySQL", version: "8.0" },
      destinationRegion: undefined,
      destinationProjectId: undefined,
      keepDays: 7,
    });
  });

  it.each([
    [{ start_time: 2000, end_time: 1000 }, "`restore_time[0]` ends (1000) before it starts (2000)"],
    [{ start_time: "1000", end_time: 2000 }, '`restore_time[0].start_time` is "1000", not epoch milliseconds'],
  ])("refuses the restore range %j", async (range, problem) => {
    server.handle((_req, res) => answer(res, 200, { restore_time: [range] }));
    const error = await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup()));
    expect(error).toMatchObject({ errorCode: "CLIENT.BadResponse" });
    expect((error as HuaweiCloudError).errorMessage).toBe(`unexpected response body: ${problem}`);
  });

  it("refuses a project id from IAM that is not an id, and sends it nowhere", async () => {
    server.handle((_req, res) =>
      answer(res, 200, { projects: [{ id: "../../x?y=1#", name: "ap-southeast-1", enabled: true }] }),
    );
    const error = await failure(queryOffsiteRestoreTimeRanges({ instanceId }, lookup({ HW_PROJECT_ID: "" })));
    expect(error).toMatchObject({ errorCode: "CLIENT.BadResponse", path: "/v3/projects?name=ap-southeast-1" });
    expect((error as HuaweiCloudError).errorMessage).toBe(
      'unexpected response body: `projects[0].id` is "../../x?y=1#", not a project id',
    );
    expect(server.requests.map((request) => request.url)).toEqual(["/v3/projects?name=ap-southeast-1"]);
  });
});
