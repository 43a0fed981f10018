import { beforeEach, describe, expect, it } from "vitest";
import { pathOf } from "../../src/core/client/http/path";
import { getJson } from "../../src/core/client/http/requestJson";
import { resolveProjectId } from "../../src/core/client/iam/resolveProjectId";
import { queryRestoreTime } from "../../src/core/dataSources/checkRestoreTime";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";
import { queryOffsiteRestoreTimeRanges } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, requestsOf } from "../support/emulator";

const { emulator, lookup } = await emulatorForFile({ regions: { "ap-southeast-1": 300 } });
const ids = emulator.dataset.instances("ap-southeast-1").map((instance) => instance.id);

beforeEach(async () => {
  await queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId: ids[0]! }, lookup);
  emulator.resetStats();
});

describe("bounded concurrency and shared requests", () => {
  it("sends one request for 50 identical concurrent lookups, and each caller gets the answer", async () => {
    emulator.setLatency(20);
    try {
      const results = await Promise.all(
        Array.from({ length: 50 }, () =>
          queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId: ids[1]! }, lookup),
        ),
      );
      expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
      expect(results[0]!.ranges).toEqual(
        emulator.dataset
          .restoreRanges(ids[1]!)
          .map((range) => ({ startTime: range.start_time, endTime: range.end_time })),
      );
    } finally {
      emulator.setLatency(0);
    }
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
  });

  it("asks again once the shared request has finished", async () => {
    await queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId: ids[2]! }, lookup);
    await queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId: ids[2]! }, lookup);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2);
  });

  it("shares a restore-time check with a range query of the same day", async () => {
    const range = emulator.dataset.restoreRanges(ids[3]!)[0]!;
    const day = new Date(range.end_time).toISOString().slice(0, 10);
    await Promise.all([
      queryRestoreTime({ region: "ap-southeast-1", instanceId: ids[3]!, restoreTime: range.end_time }, lookup),
      queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId: ids[3]!, date: day }, lookup),
    ]);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
  });
});

describe("a shared request serves only callers with the same outcome, and survives one caller's abort", () => {
  const restoreTimesOf = (instanceId: string, settingsLookup = lookup) =>
    queryOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId }, settingsLookup);

  it("does not share between the same access key with another secret key", async () => {
    emulator.setLatency(20);
    try {
      const wrongSecret = { ...lookup, env: { ...lookup.env, HW_SECRET_KEY: "not-the-secret-key" } };
      const [right, wrong] = await Promise.allSettled([restoreTimesOf(ids[4]!), restoreTimesOf(ids[4]!, wrongSecret)]);
      expect(right.status).toBe("fulfilled");
      expect(wrong).toMatchObject({ status: "rejected", reason: { status: 401, errorCode: "APIG.0301" } });
    } finally {
      emulator.setLatency(0);
    }
    expect(
      requestsOf(emulator, "listRestoreTimes")
        .map((request) => request.status)
        .sort(),
    ).toEqual([200, 401]);
  });

  it.each([
    ["timeout", { attemptTimeoutMs: "14000" }],
    ["total timeout", { totalTimeoutMs: "50000" }],
    ["retry count", { maxRetries: "1" }],
    ["body cap", { maxResponseBytes: "65536" }],
  ])("does not share between callers with another %s", async (_, stackConfig) => {
    emulator.setLatency(20);
    try {
      const config: Record<string, string> = { retryBaseDelayMs: "5", ...stackConfig };
      const other = { ...lookup, stackConfig: (key: string) => config[key] };
      await Promise.all([restoreTimesOf(ids[5]!), restoreTimesOf(ids[5]!, other)]);
    } finally {
      emulator.setLatency(0);
    }
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2);
  });

  /** The wire request of an instance's restore times, with the settings to send it; the emulator's counts reset. */
  async function restoreTimesRequest(instanceId: string) {
    const settings = settingsFor({ region: "ap-southeast-1" }, lookup);
    const projectId = await resolveProjectId(settings);
    emulator.resetStats();
    const path = pathOf("v3", projectId, "instances", instanceId, "offsite-restore-time");
    return { settings, request: { endpoint: settings.rdsEndpoint, path, projectId } };
  }

  it("answers a caller that did not abort when the other caller of the same request aborts", async () => {
    const { settings, request } = await restoreTimesRequest(ids[6]!);
    const aborting = new AbortController();
    const first = getJson(settings, { ...request, signal: aborting.signal });
    const second = getJson(settings, request);
    aborting.abort(new Error("the first caller gave up"));
    const [, answered] = await Promise.allSettled([first, second]);
    expect(answered).toMatchObject({ status: "fulfilled", value: { body: { restore_time: expect.any(Array) } } });
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
  });

  it("sends nothing when every caller aborted before the request got a slot, and each gets its own reason", async () => {
    const { settings, request } = await restoreTimesRequest(ids[7]!);
    const [one, two] = [new AbortController(), new AbortController()];
    const calls = [
      getJson(settings, { ...request, signal: one.signal }),
      getJson(settings, { ...request, signal: two.signal }),
    ];
    one.abort(new Error("one"));
    two.abort(new Error("two"));
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((outcome) => outcome.status === "rejected" && (outcome.reason as Error).message)).toEqual([
      "one",
      "two",
    ]);
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(0);
  });
});
