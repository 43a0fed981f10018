import { beforeEach, describe, expect, it } from "vitest";
import { queryRestoreTime } from "../../src/core/dataSources/checkRestoreTime";
import { describeUnavailable } from "../../src/core/restore/describeUnavailable";
import { nearestRestoreTimeRanges } from "../../src/core/restore/findRestoreTimeRange";
import { emulatorForFile, requestsOf } from "../support/emulator";

// The restore decision under every reading of the API's undocumented `date` (ranges overlapping the day, clipped to
// it, or starting on it): the emulator answers the dated request as each reading would, and the decision must not
// change.
const { emulator, lookup } = await emulatorForFile({
  regions: { "ap-southeast-1": 40 },
  anchorTime: Date.UTC(2026, 10, 20, 12),
});
const DAY = 86_400_000;
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
// An instance with a range that crosses UTC midnight, and an instant on its second day.
const { instanceId, range } = emulator.dataset
  .instances("ap-southeast-1")
  .map((instance) => ({
    instanceId: instance.id,
    range: emulator.dataset.restoreRanges(instance.id).find((r) => utcDay(r.start_time) !== utcDay(r.end_time)),
  }))
  .find((candidate) => candidate.range !== undefined)!;
const time = Math.floor(range!.end_time / DAY) * DAY + 1;
const wholeRange = { startTime: range!.start_time, endTime: range!.end_time };

beforeEach(() => emulator.resetStats());

describe("the restore decision", () => {
  it("decides from the day's ranges when one contains the time: one range request", async () => {
    const result = await queryRestoreTime({ instanceId, restoreTime: time }, lookup);
    expect(result).toMatchObject({ restorable: true, range: wholeRange });
    expect(requestsOf(emulator, "listRestoreTimes").map((r) => r.query)).toEqual([{ date: [utcDay(time)] }]);
  });

  it("confirms a miss against the undated list when `date` means ranges starting on the day", async () => {
    emulator.queueFault({ operation: "listRestoreTimes", status: 200, body: { restore_time: [] } });
    const result = await queryRestoreTime({ instanceId, restoreTime: time }, lookup);
    expect(result).toMatchObject({ restorable: true, range: wholeRange });
    expect(requestsOf(emulator, "listRestoreTimes").map((r) => r.query)).toEqual([{ date: [utcDay(time)] }, {}]);
  });

  it("finds the time in a clipped range of its day without asking again", async () => {
    const dayStart = Math.floor(time / DAY) * DAY;
    const clipped = { start_time: dayStart, end_time: range!.end_time };
    emulator.queueFault({ operation: "listRestoreTimes", status: 200, body: { restore_time: [clipped] } });
    const result = await queryRestoreTime({ instanceId, restoreTime: time }, lookup);
    expect(result).toMatchObject({ restorable: true, range: { startTime: dayStart, endTime: range!.end_time } });
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(1);
  });

  it("refuses only after the undated list confirms, and returns that list to name the nearest ranges", async () => {
    const all = emulator.dataset.restoreRanges(instanceId);
    const latest = Math.max(...all.map((r) => r.end_time));
    const result = await queryRestoreTime({ instanceId, restoreTime: latest + 1 }, lookup);
    const ranges = all.map((r) => ({ startTime: r.start_time, endTime: r.end_time }));
    expect(result).toEqual({
      restorable: false,
      restoreTime: latest + 1,
      ranges,
      nearestRanges: nearestRestoreTimeRanges(ranges, latest + 1),
      message: describeUnavailable(instanceId, latest + 1, ranges),
    });
    expect(requestsOf(emulator, "listRestoreTimes")).toHaveLength(2);
  });

  it("says so when the confirmation fails, without hiding the miss", async () => {
    emulator.queueFault({ operation: "listRestoreTimes", status: 200, body: { restore_time: [] } });
    emulator.queueFault({ operation: "listRestoreTimes", status: 403 });
    const error = await queryRestoreTime({ instanceId, restoreTime: time }, lookup).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(
      new RegExp(
        `^DB instance ${instanceId} looks unrestorable to ${new Date(time).toISOString()} \\(${time}\\): none of the 0 restore time range\\(s\\) the API returned for ${utcDay(time)} contains that time\\. Confirming against the full list of ranges failed: .*403`,
      ),
    );
    expect(message).not.toContain(emulator.credentials.secretKey);
  });
});
