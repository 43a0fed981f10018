import * as pulumi from "@pulumi/pulumi";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { RestoreTimeRange as WireRange } from "../../emulator";
import {
  checkRestoreTime,
  getOffsiteBackupInstances,
  getOffsiteRestoreTimeRanges,
  isRestoreRefusedError,
} from "../../src/pulumi";
import { emulatorForFile, environmentFor, latestRestorable, requestsOf } from "../support/emulator";

const DAY = 86_400_000;
const { emulator } = await emulatorForFile({
  regions: { "ap-southeast-1": 200 },
  anchorTime: Date.UTC(2026, 10, 20, 12),
});
const ids = emulator.dataset.instances("ap-southeast-1").map((instance) => instance.id);
const camel = (range: WireRange) => ({ startTime: range.start_time, endTime: range.end_time });
const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

// A range that crosses UTC midnight, and its instance: the seeded data set has some.
const crossing = ids
  .map((id) => ({
    id,
    range: emulator.dataset.restoreRanges(id).find((r) => utcDay(r.start_time) !== utcDay(r.end_time)),
  }))
  .find((candidate) => candidate.range !== undefined)!;
const midnight = Math.floor(crossing.range!.end_time / DAY) * DAY;

// The public functions, configured the way users configure them: only the environment.
beforeEach(() => {
  for (const [key, value] of Object.entries(environmentFor(emulator))) vi.stubEnv(key, value);
  emulator.resetStats();
});
afterEach(() => vi.unstubAllEnvs());

describe("getOffsiteRestoreTimeRanges", () => {
  it("returns the ranges as the API gives them, in epoch milliseconds", async () => {
    const result = await getOffsiteRestoreTimeRanges({ instanceId: ids[0]! });
    expect(result).toEqual({ instanceId: ids[0], ranges: emulator.dataset.restoreRanges(ids[0]!).map(camel) });
    expect(requestsOf(emulator, "listRestoreTimes")[0]!.query).toEqual({});
  });

  it("passes date through and echoes it", async () => {
    const day = utcDay(crossing.range!.end_time);
    const result = await getOffsiteRestoreTimeRanges({ instanceId: crossing.id, date: day });
    expect(result.date).toBe(day);
    expect(result.ranges).toContainEqual(camel(crossing.range!));
    expect(requestsOf(emulator, "listRestoreTimes")[0]!.query).toEqual({ date: [day] });
  });

  it("surfaces the service's code for an unknown instance", async () => {
    await expect(
      getOffsiteRestoreTimeRanges({ instanceId: "0123456789abcdef0123456789abcdefin01" }),
    ).rejects.toMatchObject({
      status: 404,
      errorCode: "DBS.200002",
    });
  });

  it.each([
    [{ instanceId: "" }, 'Invalid argument "instanceId": must not be empty'],
    [
      { instanceId: "../../v3/projects" },
      'Invalid argument "instanceId": "../../v3/projects" is not an RDS instance id',
    ],
    [
      { instanceId: "abc", date: "2026-02-30" },
      'Invalid argument "date": "2026-02-30" is not a calendar day in yyyy-mm-dd form',
    ],
    [
      { instanceId: "abc", region: "Singapore" },
      'Invalid argument "region": "Singapore" is not a Huawei Cloud region id',
    ],
    [{ instanceId: "abc", projectId: "a/b" }, 'Invalid argument "projectId": "a/b" is not a project id'],
  ])("refuses %j before any request", async (args, message) => {
    await expect(getOffsiteRestoreTimeRanges(args)).rejects.toThrowError(message);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe("checkRestoreTime", () => {
  const inside = crossing.range!.start_time + 1000;

  it("says restorable, with the containing range, asking only for the restore time's UTC day", async () => {
    const result = await checkRestoreTime({ instanceId: crossing.id, restoreTime: new Date(inside).toISOString() });
    expect(result).toMatchObject({ restorable: true, restoreTime: inside, range: camel(crossing.range!) });
    expect(result.ranges).toContainEqual(camel(crossing.range!));
    const requests = requestsOf(emulator, "listRestoreTimes");
    expect(requests).toHaveLength(1);
    expect(requests[0]!.query).toEqual({ date: [utcDay(inside)] });
  });

  it.each([
    ["just after", 1],
    ["exactly at", 0],
  ])("finds a range that crosses midnight from %s midnight", async (_, offset) => {
    const result = await checkRestoreTime({ instanceId: crossing.id, restoreTime: midnight + offset });
    expect(result).toMatchObject({ restorable: true, range: camel(crossing.range!) });
    expect(requestsOf(emulator, "listRestoreTimes")[0]!.query).toEqual({ date: [utcDay(midnight)] });
  });

  it("includes both ends of a range", async () => {
    for (const time of [crossing.range!.start_time, crossing.range!.end_time]) {
      expect((await checkRestoreTime({ instanceId: crossing.id, restoreTime: time })).restorable).toBe(true);
    }
  });

  it("says not restorable in a gap or beyond the latest backup, without a range", async () => {
    const all = emulator.dataset.restoreRanges(crossing.id);
    const latest = Math.max(...all.map((range) => range.end_time));
    const result = await checkRestoreTime({ instanceId: crossing.id, restoreTime: new Date(latest + 60_000) });
    expect(result).toEqual({
      restorable: false,
      restoreTime: latest + 60_000,
      ranges: expect.any(Array),
      nearestRanges: expect.any(Array),
      message: expect.stringMatching(
        `^Cannot restore DB instance ${crossing.id} to ${new Date(latest + 60_000).toISOString()} \\(${latest + 60_000}\\): `,
      ),
    });
    expect(result.range).toBeUndefined();
    expect(result.nearestRanges[0]).toEqual(camel(all.find((range) => range.end_time === latest)!));
  });

  it('fails with the refusal message itself with onUnavailable: "fail", naming the function', async () => {
    const all = emulator.dataset.restoreRanges(crossing.id);
    const latest = Math.max(...all.map((range) => range.end_time));
    const refused = latest + 60_000;
    const reported = await checkRestoreTime({ instanceId: crossing.id, restoreTime: refused });
    const error = await checkRestoreTime({
      instanceId: crossing.id,
      restoreTime: refused,
      onUnavailable: "fail",
    }).catch((e: unknown) => e);
    expect(isRestoreRefusedError(error)).toBe(true);
    expect((error as Error).message).toBe(`checkRestoreTime: ${reported.message}`);
    // What @pulumi/pulumi's runner prints of it: the message only (a RunError), never a formatted stack.
    expect(pulumi.RunError.isInstance(error)).toBe(true);
    expect((error as Error).stack).toBeUndefined();
  });

  it('answers restorable: false with onUnavailable: "warn", as without it', async () => {
    const latest = latestRestorable(emulator, crossing.id);
    const args = { instanceId: crossing.id, restoreTime: latest + 60_000 };
    expect(await checkRestoreTime({ ...args, onUnavailable: "warn" })).toEqual(await checkRestoreTime(args));
  });

  it("refuses an onUnavailable other than fail or warn, naming it", async () => {
    await expect(
      checkRestoreTime({ instanceId: crossing.id, restoreTime: inside, onUnavailable: "stop" as never }),
    ).rejects.toThrowError(
      'checkRestoreTime: Invalid argument "onUnavailable": must be "fail" or "warn", got the string "stop"',
    );
  });

  it("accepts the three forms of a restore time alike", async () => {
    const forms = [inside, String(inside), new Date(inside), new Date(inside).toISOString().replace("Z", "+00:00")];
    const results = await Promise.all(
      forms.map((restoreTime) => checkRestoreTime({ instanceId: crossing.id, restoreTime })),
    );
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
  });

  it.each([
    [8.64e15, 'Invalid argument "restoreTime": 8640000000000000 is outside the years 1970 to 9999'],
    [1e300, 'Invalid argument "restoreTime": 1e+300 is outside the years 1970 to 9999'],
    [
      "1969-12-31T23:59:59Z",
      'Invalid argument "restoreTime": "1969-12-31T23:59:59Z" is outside the years 1970 to 9999',
    ],
    [
      "1970-01-01T00:30:00+01:00",
      'Invalid argument "restoreTime": "1970-01-01T00:30:00+01:00" is outside the years 1970 to 9999',
    ],
    [
      "0050-01-01T00:00:00Z",
      'Invalid argument "restoreTime": "0050-01-01T00:00:00Z" is outside the years 1970 to 9999',
    ],
    [
      new Date(Date.UTC(10000, 0, 1)),
      'Invalid argument "restoreTime": +010000-01-01T00:00:00.000Z is outside the years 1970 to 9999',
    ],
  ])("refuses the restore time %j, outside 1970 to 9999, before any request", async (restoreTime, message) => {
    await expect(checkRestoreTime({ instanceId: crossing.id, restoreTime })).rejects.toThrowError(message);
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses a missing instance id, saying it is required", async () => {
    await expect(checkRestoreTime({ restoreTime: inside } as never)).rejects.toThrowError(
      'Invalid argument "instanceId": is required',
    );
    expect(emulator.requests).toHaveLength(0);
  });

  it("refuses an unparseable restore time before any request", async () => {
    await expect(checkRestoreTime({ instanceId: crossing.id, restoreTime: "2026-11-20 03:00" })).rejects.toThrowError(
      'Invalid argument "restoreTime"',
    );
    expect(emulator.requests).toHaveLength(0);
  });
});

describe("getOffsiteBackupInstances configured from the environment", () => {
  it("lists the configured region and refuses a misspelt argument before any request", async () => {
    const result = await getOffsiteBackupInstances();
    expect(result.totalCount).toBe(200);
    await expect(getOffsiteBackupInstances({ instanceID: "x" } as never)).rejects.toThrowError(
      'Invalid argument "instanceID": unknown argument of getOffsiteBackupInstances; did you mean "instanceId"?',
    );
    expect(requestsOf(emulator, "listOffsiteInstances")).toHaveLength(2);
  });

  it("names the variables to set when credentials are missing", async () => {
    vi.stubEnv("HW_ACCESS_KEY", "");
    await expect(getOffsiteBackupInstances()).rejects.toThrowError(
      "No Huawei Cloud credentials are set. Set huaweicloud-rds-offsite:accessKey and huaweicloud-rds-offsite:secretKey (stack config), or huaweicloud:accessKey and huaweicloud:secretKey (stack config), or HW_ACCESS_KEY and HW_SECRET_KEY (environment).",
    );
  });
});
