import { beforeEach, describe, expect, it } from "vitest";
import { HuaweiCloudError } from "../../src/core/client/errors/HuaweiCloudError";
import type { ClientSettings } from "../../src/core/client/settings/settings";
import { settingsFor } from "../../src/core/dataSources/configurationLookup";
import { listOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { listOffsiteRestoreTimes } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";
import { emulatorForFile, lookupFor, requestsOf } from "../support/emulator";
import { FakeTime } from "../support/fakeTime";

// One token per 100 s: nothing refills while a test runs, so what the gateway answers is exact.
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 40, "eu-west-101": 3, "cn-north-4": 1 },
  rateLimit: { requestsPerSecond: 0.01, burst: 3 },
});
const { emulator: unlimited } = await emulatorForFile({ regions: { "ap-southeast-1": 40 } });

function client(target = emulator, stackConfig: Record<string, string> = {}) {
  const time = new FakeTime(Math.floor(Date.now() / 1000) * 1000);
  const settings: ClientSettings = { ...settingsFor({}, lookupFor(target, stackConfig)), time };
  const lookup = (region: string, index: number) =>
    listOffsiteRestoreTimes(settings, {
      projectId: target.projects[region]!,
      instanceId: target.dataset.instances(region)[index]!.id,
    });
  return { time, settings, lookup };
}

const outcome = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof HuaweiCloudError ? `${error.status} ${error.errorCode}` : String(error)),
  );

describe("the emulator's rate limit (a token bucket per project and API)", () => {
  beforeEach(() => emulator.resetStats());

  it("answers the burst, then 429 APIG.0308, per project and per API", async () => {
    const { settings, lookup } = client(emulator, { maxRetries: "0" });
    const lookups = [];
    for (let i = 0; i < 5; i += 1) lookups.push(await outcome(lookup("ap-southeast-1", i)));
    expect(lookups).toEqual(["ok", "ok", "ok", "429 APIG.0308", "429 APIG.0308"]);
    // Another API of the same project, and the same API of another project, have their own buckets.
    const listing = await outcome(listOffsiteBackupInstances(settings, emulator.projects["ap-southeast-1"]!));
    expect(listing).toBe("ok");
    expect(await outcome(lookup("cn-north-4", 0))).toBe("ok");
    expect(requestsOf(emulator, "listRestoreTimes").map((entry) => entry.status)).toEqual([
      200, 200, 200, 429, 429, 200,
    ]);
  });

  it("says when the next token comes (Retry-After, whole seconds), and the client waits exactly that", async () => {
    const { time, lookup } = client(emulator, { maxRetries: "1", totalTimeoutMs: "1000000" });
    const results = [];
    for (let i = 0; i < 4; i += 1) results.push(await outcome(lookup("eu-west-101", i % 3)));
    expect(results.filter((result) => result !== "ok")).toEqual(["429 APIG.0308"]);
    // The throttled lookup slept once, for the bucket's 100 s, then was throttled again (no token came meanwhile on
    // the real clock): one retry, no more.
    expect(time.sleeps.filter((ms) => ms >= 99_000)).toEqual([100_000]);
  });
});

describe("a scan through the process-wide scheduler", () => {
  beforeEach(() => unlimited.resetStats());

  it("does not stop the process for another request's Retry-After: the next request goes at once", async () => {
    const { time, lookup } = client(unlimited, { maxRetries: "0" });
    unlimited.queueFault({
      operation: "listRestoreTimes",
      status: 429,
      headers: { "Retry-After": "5" },
      body: { error_code: "APIG.0308", error_msg: "throttled" },
    });
    expect(await outcome(lookup("ap-southeast-1", 0))).toBe("429 APIG.0308");
    // A whole-second Retry-After is the throttled request's to wait (above: the client waits exactly that); the
    // process slows down as a rate instead of stopping (test/unit/adaptiveScheduler.test.ts).
    expect(await outcome(lookup("ap-southeast-1", 1))).toBe("ok");
    expect(time.sleeps).toEqual([]);
    expect(requestsOf(unlimited, "listRestoreTimes").map((entry) => entry.status)).toEqual([429, 200]);
  });

  it("sends exactly one request per lookup plus one retry per throttled answer, and every lookup answers", async () => {
    const { lookup } = client(unlimited, { maxConcurrency: "8" });
    unlimited.queueFault({
      operation: "listRestoreTimes",
      status: 429,
      headers: { "Retry-After": "2" },
      body: { error_code: "APIG.0308", error_msg: "throttled" },
    });
    unlimited.queueFault({
      operation: "listRestoreTimes",
      status: 429,
      body: { error_code: "APIG.0308", error_msg: "x" },
    });
    const results = await Promise.all(Array.from({ length: 40 }, (_, i) => outcome(lookup("ap-southeast-1", i))));
    expect(results).toEqual(Array(40).fill("ok"));
    expect(requestsOf(unlimited, "listRestoreTimes")).toHaveLength(42);
    expect(unlimited.maxInFlight).toBeLessThanOrEqual(8);
  });
});
