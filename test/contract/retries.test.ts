import { createServer } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HuaweiCloudError } from "../../sdk/client/errors/HuaweiCloudError";
import { queryOffsiteBackupInstances } from "../../sdk/queries/queryOffsiteBackupInstances";
import { queryOffsiteRestoreTimeRanges } from "../../sdk/queries/queryOffsiteRestoreTimeRanges";
import { emulatorForFile, lookupFor, requestsOf } from "./emulatorClient";

const { emulator, lookup } = await emulatorForFile({ regions: { "ap-southeast-1": 12 } });
const instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
const ranges = () => queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId }, lookup);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("should fail"),
    (error: unknown) => error,
  );

beforeEach(async () => {
  // Warm the project-id cache so request counts below are of the RDS calls alone.
  await ranges();
  emulator.resetStats();
});

// A fault left queued would leak into the next test.
afterEach(() => expect(emulator.faultsPending).toBe(0));

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("retries", () => {
  it.each([
    ["503", { status: 503 }],
    ["500", { status: 500 }],
    ["429 throttling", { status: 429, body: { error_code: "APIG.0308", error_msg: "throttled" } }],
    ["a connection reset", { reset: true as const }],
  ])("retries %s and succeeds on the next attempt", async (_, fault) => {
    emulator.queueFault({ operation: "listRestoreTimes", ...fault });
    emulator.queueFault({ operation: "listRestoreTimes", ...fault });
    const result = await ranges();
    expect(result.ranges.length).toBeGreaterThan(0);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(3);
  });

  it("gives up after maxRetries + 1 attempts with the service's error code", async () => {
    for (let index = 0; index < 4; index += 1) emulator.queueFault({ operation: "listRestoreTimes", status: 500 });
    const error = (await failure(ranges())) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 500, errorCode: "DBS.108000", attempts: 4, method: "GET" });
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.path).toBe(`/v3/${emulator.projects["ap-southeast-1"]}/instances/${instanceId}/offsite-restore-time`);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(4);
  });

  it("honours the configured maxRetries", async () => {
    for (let index = 0; index < 2; index += 1) emulator.queueFault({ operation: "listRestoreTimes", status: 503 });
    const custom = lookupFor(emulator, { maxRetries: "1" });
    await failure(queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId }, custom));
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2);
  });

  it("waits as long as Retry-After says", async () => {
    emulator.queueFault({ operation: "listRestoreTimes", status: 429, headers: { "Retry-After": "1" } });
    await ranges();
    const [first, second] = requestsOf(emulator, "listRestoreTimes");
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(950);
  });

  it.each([
    [401, "APIG.0301"],
    [403, "DBS.200010"],
    [400, "DBS.200001"],
    [404, "DBS.200002"],
  ])("never retries %i", async (status, errorCode) => {
    emulator.queueFault({ operation: "listRestoreTimes", status });
    const error = await failure(ranges());
    expect(error).toMatchObject({ status, errorCode, attempts: 1 });
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
  });

  it("stops at the total timeout and says so", async () => {
    emulator.queueFault({ operation: "listRestoreTimes", status: 429, headers: { "Retry-After": "30" } });
    const custom = lookupFor(emulator, { totalTimeoutMs: "400" });
    const error = await failure(queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId }, custom));
    expect(error).toMatchObject({ status: 429, attempts: 1 });
    expect(String(error)).toContain("gave up: total timeout of 400 ms reached");
  });

  it("retries an attempt that times out", async () => {
    emulator.queueFault({ operation: "listRestoreTimes", delayMs: 1000 });
    const custom = lookupFor(emulator, { attemptTimeoutMs: "200" });
    await queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId }, custom);
    expect(requestsOf(emulator, "listRestoreTimes").length).toBeGreaterThanOrEqual(2);
  });

  it("re-signs every attempt with a fresh date, so a retried request is accepted", async () => {
    emulator.queueFault({ operation: "listOffsiteInstances", status: 503 });
    await queryOffsiteBackupInstances({ region: "ap-southeast-1" }, lookup);
    const statuses = requestsOf(emulator, "listOffsiteInstances").map((entry) => entry.status);
    expect(statuses).toEqual([503, 200]);
  });

  it("names the cause of a network failure", async () => {
    const dead = lookupFor(emulator, { rdsEndpoint: `http://127.0.0.1:${await closedPort()}` });
    const error = await failure(
      queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", projectId: "p1", instanceId }, dead),
    );
    expect(error).toMatchObject({ errorCode: "CLIENT.Network", status: undefined });
    expect(String(error)).toContain("ECONNREFUSED");
  });
});
