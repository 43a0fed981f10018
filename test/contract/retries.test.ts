import { createServer } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { HuaweiCloudError } from "../../src/core/client/errors/HuaweiCloudError";
import type { ClientSettings } from "../../src/core/client/settings/settings";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";
import { listOffsiteRestoreTimes } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, lookupFor, requestsOf } from "../support/emulator";
import { FakeTime } from "../support/fakeTime";
import { answer, forward, startTestServer } from "../support/testServer";

// The retry loop runs on fake time: every wait is recorded exactly and costs nothing, and a test moves the clock
// where the real condition needs it (past an attempt timeout, past the signature's clock-skew window).
const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 12 } });
const projectId = emulator.projects["ap-southeast-1"]!;
const instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
const restoreTimesPath = `/v3/${projectId}/instances/${instanceId}/offsite-restore-time`;
const server = await startTestServer();

/** Whole seconds, so HTTP dates (second resolution) convert to exact delays; near the real clock, which the emulator checks signatures against. */
const startOfSecond = () => Math.floor(Date.now() / 1000) * 1000;

function client(stackConfig: Record<string, string> = {}, time = new FakeTime(startOfSecond())) {
  const settings: ClientSettings = {
    ...settingsFor({}, lookupFor(emulator, { retryBaseDelayMs: "1000", ...stackConfig })),
    time,
  };
  return { time, ranges: () => listOffsiteRestoreTimes(settings, { projectId, instanceId }) };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable("should fail"),
    (error: unknown) => error,
  );

beforeEach(() => emulator.resetStats());
// A fault left queued would leak into the next test.
afterEach(() => expect(emulator.faultsPending).toBe(0));

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

describe("retries", () => {
  it.each([
    ["503", { status: 503 }],
    ["500", { status: 500 }],
    ["429 throttling", { status: 429, body: { error_code: "APIG.0308", error_msg: "throttled" } }],
    ["a connection reset", { reset: true as const }],
  ])("retries %s after 750 then 1,500 ms (base 1,000, equal jitter) and succeeds", async (_, fault) => {
    emulator.queueFault({ operation: "listRestoreTimes", ...fault });
    emulator.queueFault({ operation: "listRestoreTimes", ...fault });
    const { time, ranges } = client();
    expect((await ranges()).length).toBeGreaterThan(0);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(3);
    expect(time.sleeps).toEqual([750, 1500]);
  });

  it("gives up after maxRetries + 1 attempts with the service's error code", async () => {
    for (let index = 0; index < 4; index += 1) emulator.queueFault({ operation: "listRestoreTimes", status: 500 });
    const { time, ranges } = client();
    const error = (await failure(ranges())) as HuaweiCloudError;
    expect(error).toBeInstanceOf(HuaweiCloudError);
    expect(error).toMatchObject({ status: 500, errorCode: "DBS.108000", attempts: 4, method: "GET" });
    expect(error.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(error.path).toBe(restoreTimesPath);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(4);
    expect(time.sleeps).toEqual([750, 1500, 3000]);
  });

  it("honours the configured maxRetries", async () => {
    for (let index = 0; index < 2; index += 1) emulator.queueFault({ operation: "listRestoreTimes", status: 503 });
    await failure(client({ maxRetries: "1" }).ranges());
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2);
  });

  it.each([
    ["seconds", "2", 2000],
    ["an HTTP date", (now: number) => new Date(now + 3000).toUTCString(), 3000],
    ["neither (normal backoff)", "soon", 750],
    ["a negative number (normal backoff)", "-5", 750],
  ])("waits as a Retry-After of %s says", async (_, value, expected) => {
    const { time, ranges } = client();
    const retryAfter = typeof value === "string" ? value : value(time.now());
    emulator.queueFault({ operation: "listRestoreTimes", status: 429, headers: { "Retry-After": retryAfter } });
    await ranges();
    expect(time.sleeps).toEqual([expected]);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2);
  });

  it("keeps the normal backoff on a 500, whatever its Retry-After says", async () => {
    const { time, ranges } = client();
    emulator.queueFault({ operation: "listRestoreTimes", status: 500, headers: { "Retry-After": "2" } });
    await ranges();
    expect(time.sleeps).toEqual([750]);
  });

  it.each([
    [401, "APIG.0301"],
    [403, "DBS.200010"],
    [400, "DBS.200001"],
    [404, "DBS.200002"],
  ])("never retries %i", async (status, errorCode) => {
    emulator.queueFault({ operation: "listRestoreTimes", status });
    const { time, ranges } = client();
    expect(await failure(ranges())).toMatchObject({ status, errorCode, attempts: 1 });
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
    expect(time.sleeps).toEqual([]);
  });

  it("does not wait for a Retry-After that ends beyond the total timeout", async () => {
    emulator.queueFault({ operation: "listRestoreTimes", status: 429, headers: { "Retry-After": "30" } });
    const { time, ranges } = client({ totalTimeoutMs: "400" });
    const error = await failure(ranges());
    expect(error).toMatchObject({ status: 429, errorCode: "APIG.0308", attempts: 1 });
    expect(String(error)).toContain("(gave up: a retry in 30000 ms would pass the total timeout of 400 ms)");
    expect(time.sleeps).toEqual([]);
  });

  it("keeps the last answer's Huawei code when the total timeout ends an attempt", async () => {
    const throttled = { status: 429, body: { error_code: "APIG.0308", error_msg: "throttled" } };
    emulator.queueFault({ operation: "listRestoreTimes", ...throttled });
    const { time, ranges } = client({ totalTimeoutMs: "5000" });
    // The second attempt is still in flight when the total timeout passes.
    emulator.onRequest(() => {
      if (requestsOf(emulator, "listRestoreTimes").length === 2) time.advance(5000);
    });
    try {
      const error = await failure(ranges());
      expect(error).toMatchObject({
        status: 429,
        errorCode: "APIG.0308",
        errorMessage: expect.any(String),
        attempts: 2,
      });
      expect((error as HuaweiCloudError).errorMessage).toBe("throttled (gave up: total timeout of 5000 ms reached)");
      expect(time.sleeps).toEqual([750]);
    } finally {
      emulator.onRequest(undefined);
    }
  });

  it("retries an attempt whose answer does not start within the attempt timeout", async () => {
    const { time, ranges } = client({ attemptTimeoutMs: "2000" });
    emulator.onRequest(() => {
      if (requestsOf(emulator, "listRestoreTimes").length === 1) time.advance(2000);
    });
    try {
      await ranges();
    } finally {
      emulator.onRequest(undefined);
    }
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2);
    expect(time.sleeps).toEqual([750]);
  });

  it("does not send a retry whose wait woke past the total timeout", async () => {
    // Timers fire late on a busy event loop: the retry planned for 750 ms wakes 2,750 ms later, past the 2,000 ms.
    const time = new FakeTime(startOfSecond(), 0.5, 2000);
    emulator.queueFault({ operation: "listRestoreTimes", status: 503 });
    const { ranges } = client({ totalTimeoutMs: "2000" }, time);
    const error = await failure(ranges());
    expect(error).toMatchObject({ status: 503, attempts: 1 });
    expect((error as HuaweiCloudError).errorMessage).toContain("(gave up: total timeout of 2000 ms reached)");
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
  });

  it("leaves no timer behind, answered or failed (a command would otherwise wait out the attempt timeout to exit)", async () => {
    const { time, ranges } = client();
    await ranges();
    expect(time.pendingTimers).toBe(0);
    emulator.queueFault({ operation: "listRestoreTimes", status: 503 });
    await ranges();
    expect(time.pendingTimers).toBe(0);
    emulator.queueFault({ operation: "listRestoreTimes", status: 403 });
    await failure(ranges());
    expect(time.pendingTimers).toBe(0);
    emulator.queueFault({ operation: "listRestoreTimes", reset: true });
    await failure(client({ maxRetries: "0" }, time).ranges());
    expect(time.pendingTimers).toBe(0);
  });

  it("names the cause of a network failure", async () => {
    const { ranges } = client({ rdsEndpoint: `http://127.0.0.1:${await closedPort()}`, maxRetries: "0" });
    const error = await failure(ranges());
    expect(error).toMatchObject({ errorCode: "CLIENT.Network", status: undefined });
    expect(String(error)).toContain("ECONNREFUSED");
  });
});

describe("retries of failures while reading the body", () => {
  const partialThenWhole = (whenPartial: (res: import("node:http").ServerResponse) => void) => {
    server.handle((req, res) => {
      if (server.requests.length > 1) return forward(req, res, emulator.url);
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": "1000" });
      res.write('{"restore_time": [');
      whenPartial(res);
    });
  };

  beforeEach(() => {
    server.requests.length = 0;
  });

  it("retries a body cut off by a connection reset, like any network failure", async () => {
    partialThenWhole((res) => setImmediate(() => res.destroy()));
    const { time, ranges } = client({ rdsEndpoint: server.url });
    expect(await ranges()).toEqual(
      emulator.dataset.restoreRanges(instanceId).map(({ start_time, end_time }) => ({ start_time, end_time })),
    );
    expect(server.requests).toHaveLength(2);
    expect(time.sleeps).toEqual([750]);
  });

  it("ends a body that stalls at the attempt timeout and retries", async () => {
    const time = new FakeTime(startOfSecond());
    // The clock passes the attempt timeout only once the client has had time to read the headers (a real wait, not
    // asserted on): the stall is in the body, which a timeout of the headers alone would never end.
    partialThenWhole(() => setTimeout(() => time.advance(2000), 300));
    const { ranges } = client({ rdsEndpoint: server.url, attemptTimeoutMs: "2000" }, time);
    expect((await ranges()).length).toBeGreaterThan(0);
    expect(server.requests).toHaveLength(2);
    expect(time.sleeps).toEqual([750]);
  });
});

describe("signing of retries", () => {
  it("re-signs every attempt: a retry after the clock passed the skew window is still accepted", async () => {
    // The first attempt is signed 20 minutes in the past and answered 503 by a server in front of the emulator;
    // by the retry the clock is back to now. A retry that reused the first signature would be refused as expired
    // (the emulator accepts 15 minutes of skew).
    const time = new FakeTime(startOfSecond() - 20 * 60_000);
    server.requests.length = 0;
    server.handle((req, res) => {
      if (server.requests.length > 1) return forward(req, res, emulator.url);
      time.advance(20 * 60_000);
      answer(res, 503, { error_code: "APIG.0202", error_msg: "Backend unavailable" });
    });
    const { ranges } = client({ rdsEndpoint: server.url, totalTimeoutMs: "3600000" }, time);
    await ranges();
    expect(server.requests.map((request) => request.headers["x-sdk-date"])).toHaveLength(2);
    expect(requestsOf(emulator, "listRestoreTimes").map((entry) => entry.status)).toEqual([200]);
  });
});
