import { beforeEach, describe, expect, it } from "vitest";
import { queryOffsiteRestoreTimeRanges } from "../../sdk/queries/queryOffsiteRestoreTimeRanges";
import { queryRestoreTime } from "../../sdk/queries/queryRestoreTime";
import { emulatorForFile, requestsOf } from "./emulatorClient";

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
