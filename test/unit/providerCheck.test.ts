import { describe, expect, it } from "vitest";
import { offsiteBackupInstances, offsiteRestoreTimeRanges } from "../../provider";
import { UNKNOWN } from "../../provider/unknowns";

describe("dynamic provider check", () => {
  it("reports a bad argument as { property, reason }", async () => {
    const result = await offsiteRestoreTimeRanges.check({}, { instanceId: "abc", date: "2026-02-30" });
    expect(result.failures).toEqual([
      { property: "date", reason: '"2026-02-30" is not a calendar day in yyyy-mm-dd form' },
    ]);
  });

  it("reports a wrongly typed filter and an unknown argument", async () => {
    expect((await offsiteBackupInstances.check({}, { keepDays: "7" })).failures).toEqual([
      { property: "keepDays", reason: 'must be an integer, got the string "7"' },
    ]);
  });

  it("accepts good arguments and leaves arguments unknown at preview to the read", async () => {
    expect(
      (await offsiteRestoreTimeRanges.check({}, { instanceId: "abc", date: "2024-02-29" })).failures,
    ).toBeUndefined();
    expect((await offsiteRestoreTimeRanges.check({}, { instanceId: UNKNOWN })).failures).toBeUndefined();
  });

  it("diffs on arguments only, so changed outputs never force a replacement", async () => {
    const olds = { instanceId: "abc", ranges: [{ startTime: 1, endTime: 2 }] };
    expect(await offsiteRestoreTimeRanges.diff("id", olds, { instanceId: "abc" })).toMatchObject({ changes: false });
    expect(await offsiteRestoreTimeRanges.diff("id", olds, { instanceId: "abd" })).toMatchObject({
      changes: true,
      replaces: ["instanceId"],
    });
  });
});
