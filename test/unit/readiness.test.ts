import { describe, expect, it } from "vitest";
import type { OffsiteBackupInstance, RestoreTimeRange } from "../../src/core/dataSources/types";
import {
  assessInstance,
  assessReadiness,
  type InstanceLookup,
  type ReadinessThresholds,
} from "../../src/core/readiness/assessReadiness";
import { parseDuration, validateFraction } from "../../src/core/readiness/duration";

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T = Date.UTC(2026, 11, 1);
/** keepDays 1: the window [T − DAY, T] holds DAY + 1 instants (both ends inclusive). */
const WINDOW = DAY + 1;
const THRESHOLDS: ReadinessThresholds = { maxLagMs: 15 * MINUTE, minCoverage: 0.995, minGapMs: 5 * MINUTE };

/** `keepDays: null` makes an instance whose listing omits it. */
function instance(id: string, keepDays: number | null = 1): OffsiteBackupInstance {
  return {
    id,
    name: `db-${id}`,
    sourceRegion: "cn-north-4",
    sourceProjectId: undefined,
    datastore: { type: "MySQL", version: "8.0" },
    destinationRegion: "ap-southeast-1",
    destinationProjectId: undefined,
    keepDays: keepDays ?? undefined,
  };
}

const range = (startTime: number, endTime: number): RestoreTimeRange => ({ startTime, endTime });
const withRanges = (id: string, ranges: RestoreTimeRange[], keepDays: number | null = 1): InstanceLookup => ({
  instance: instance(id, keepDays),
  ranges,
});
const assess = (ranges: RestoreTimeRange[], thresholds = THRESHOLDS, keepDays: number | null = 1) =>
  assessInstance(withRanges("a", ranges, keepDays), T, thresholds);

describe("assessInstance", () => {
  it("a range over the whole window covers all of it: ok, no lag, no gap", () => {
    expect(assess([range(T - DAY, T)])).toMatchObject({
      status: "ok",
      coverage: 1,
      lagMs: 0,
      latestRestorableTime: T,
      earliestRestorableTime: T - DAY,
      gaps: [],
      error: undefined,
    });
  });

  it("overlapping ranges are counted once", () => {
    const result = assess([range(T - DAY / 2 - 1000, T - MINUTE), range(T - DAY, T - DAY / 2)]);
    expect(result.coverage).toBe((T - MINUTE + 1 - (T - DAY)) / WINDOW);
    expect(result).toMatchObject({ lagMs: MINUTE, latestRestorableTime: T - MINUTE, gaps: [] });
  });

  it("ranges that touch (one ends at t, the next starts at t + 1) leave no gap", () => {
    const result = assess([range(T - DAY, T - HOUR), range(T - HOUR + 1, T)]);
    expect(result).toMatchObject({ coverage: 1, gaps: [], status: "ok" });
  });

  it("counts only what lies inside the window: older ranges still give the earliest time, later ones are ignored", () => {
    const result = assess([range(T - 3 * DAY, T - 2 * DAY), range(T - DAY / 2, T - SECOND), range(T + 1, T + HOUR)]);
    expect(result).toMatchObject({
      earliestRestorableTime: T - 3 * DAY,
      latestRestorableTime: T - SECOND,
      lagMs: SECOND,
      coverage: (T - SECOND + 1 - (T - DAY / 2)) / WINDOW,
      gaps: [{ startTime: T - DAY, endTime: T - DAY / 2 - 1 }],
      status: "gaps",
    });
  });

  it("a range running past asOf ends at asOf: a report as of an earlier time ignores later backups", () => {
    expect(assess([range(T - DAY, T + HOUR)])).toMatchObject({ latestRestorableTime: T, lagMs: 0, coverage: 1 });
  });

  it("lists an uncovered stretch only when it is longer than minGap; coverage counts both", () => {
    const a = T - 16 * HOUR;
    const b = T - 8 * HOUR;
    const result = assess([
      range(T - DAY, a),
      range(a + 1 + THRESHOLDS.minGapMs, b),
      range(b + 1 + THRESHOLDS.minGapMs + 1, T),
    ]);
    expect(result.gaps).toEqual([{ startTime: b + 1, endTime: b + THRESHOLDS.minGapMs + 1 }]);
    expect(result.coverage).toBe((WINDOW - 2 * THRESHOLDS.minGapMs - 1) / WINDOW);
  });

  it("looks for gaps from the window's start to the latest restorable time, oldest first", () => {
    const result = assess([range(T - 12 * HOUR, T - 11 * HOUR), range(T - 2 * HOUR, T - 20 * MINUTE)]);
    expect(result.gaps).toEqual([
      { startTime: T - DAY, endTime: T - 12 * HOUR - 1 },
      { startTime: T - 11 * HOUR + 1, endTime: T - 2 * HOUR - 1 },
    ]);
  });

  it("no range at all: unprotected, coverage 0, no times", () => {
    expect(assess([])).toEqual({
      id: "a",
      name: "db-a",
      datastore: { type: "MySQL", version: "8.0" },
      sourceRegion: "cn-north-4",
      keepDays: 1,
      status: "unprotected",
      latestRestorableTime: undefined,
      lagMs: undefined,
      earliestRestorableTime: undefined,
      coverage: 0,
      gaps: [],
      ranges: [],
      error: undefined,
    });
  });

  it("only ranges after asOf: unprotected as of then", () => {
    expect(assess([range(T + 1, T + HOUR)]).status).toBe("unprotected");
  });

  it("a lag of exactly maxLag is ok; one millisecond more is stale", () => {
    expect(assess([range(T - DAY, T - THRESHOLDS.maxLagMs)], { ...THRESHOLDS, minCoverage: 0 })).toMatchObject({
      status: "ok",
      lagMs: THRESHOLDS.maxLagMs,
    });
    expect(assess([range(T - DAY, T - THRESHOLDS.maxLagMs - 1)], { ...THRESHOLDS, minCoverage: 0 })).toMatchObject({
      status: "stale",
      lagMs: THRESHOLDS.maxLagMs + 1,
    });
  });

  it("coverage exactly minCoverage is ok; below it is gaps", () => {
    const ranges = [range(T - DAY / 2, T)];
    const coverage = (DAY / 2 + 1) / WINDOW;
    expect(assess(ranges, { ...THRESHOLDS, minCoverage: coverage }).status).toBe("ok");
    expect(assess(ranges, { ...THRESHOLDS, minCoverage: coverage + 1e-9 }).status).toBe("gaps");
  });

  it("stale and short of coverage at once: the worse, stale, applies", () => {
    expect(assess([range(T - DAY / 2, T - DAY / 4)]).status).toBe("stale");
  });

  it("without keepDays the window starts at the earliest restorable time", () => {
    const result = assess([range(T - 2 * DAY, T - DAY), range(T - DAY + HOUR, T)], THRESHOLDS, null);
    const window = 2 * DAY + 1;
    expect(result).toMatchObject({ keepDays: undefined, coverage: (window - (HOUR - 1)) / window });
    expect(result.gaps).toEqual([{ startTime: T - DAY + 1, endTime: T - DAY + HOUR - 1 }]);
  });

  it("a long retention (1,825 days) over ranges since its start is covered exactly", () => {
    const keep = 1825;
    const result = assess([range(T - keep * DAY, T - 10 * DAY), range(T - 10 * DAY + 1, T - MINUTE)], THRESHOLDS, keep);
    expect(result.coverage).toBe((keep * DAY - MINUTE + 1) / (keep * DAY + 1));
    expect(result.status).toBe("ok");
  });

  it("a failed lookup is a row with status error and what failed", () => {
    const error = { errorCode: "DBS.108000", message: "GET /v3/p/instances/a/offsite-restore-time failed" };
    expect(assessInstance({ instance: instance("a"), error }, T, THRESHOLDS)).toMatchObject({
      status: "error",
      error,
      coverage: undefined,
      lagMs: undefined,
      gaps: [],
      ranges: [],
    });
  });
});

describe("assessReadiness", () => {
  const full = [range(T - DAY, T)];
  const lookups: InstanceLookup[] = [
    withRanges("ok-1", full),
    withRanges("stale-short", [range(T - DAY, T - 20 * MINUTE)]),
    { instance: instance("broken"), error: { errorCode: "DBS.108000", message: "Server failure." } },
    withRanges("none", []),
    withRanges("stale-long", [range(T - DAY, T - 3 * HOUR)]),
    withRanges("holes", [range(T - DAY, T - 13 * HOUR), range(T - 11 * HOUR, T)]),
    withRanges("ok-0", full),
  ];

  it("sorts worst first: error, unprotected, stale (longest lag first), gaps, ok (by id)", () => {
    const result = assessReadiness(lookups, T, { ...THRESHOLDS, minCoverage: 0.99 });
    expect(result.instances.map((row) => [row.id, row.status])).toEqual([
      ["broken", "error"],
      ["none", "unprotected"],
      ["stale-long", "stale"],
      ["stale-short", "stale"],
      ["holes", "gaps"],
      ["ok-0", "ok"],
      ["ok-1", "ok"],
    ]);
  });

  it("counts each status and names the worst lag", () => {
    const result = assessReadiness(lookups, T, { ...THRESHOLDS, minCoverage: 0.99 });
    expect(result.summary).toEqual({
      total: 7,
      ok: 2,
      stale: 2,
      gaps: 1,
      unprotected: 1,
      error: 1,
      worstLagMs: 3 * HOUR,
    });
    expect(result.ready).toBe(false);
  });

  it("is ready when every instance is ok, and empty is ready", () => {
    expect(assessReadiness([withRanges("x", full)], T, THRESHOLDS).ready).toBe(true);
    expect(assessReadiness([], T, THRESHOLDS)).toEqual({
      ready: true,
      instances: [],
      summary: { total: 0, ok: 0, stale: 0, gaps: 0, unprotected: 0, error: 0, worstLagMs: undefined },
    });
  });

  it("judges at the asOf it is given, not the clock", () => {
    const asOf = T - 2 * HOUR;
    const [row] = assessReadiness([withRanges("x", [range(T - DAY, T)])], asOf, THRESHOLDS).instances;
    expect(row).toMatchObject({ latestRestorableTime: asOf, lagMs: 0 });
    expect(row?.coverage).toBe((asOf + 1 - (T - DAY)) / (DAY + 1));
  });
});

describe("durations and fractions", () => {
  it.each([
    ["90s", 90 * SECOND],
    ["15m", 15 * MINUTE],
    ["2h", 2 * HOUR],
    ["1d", DAY],
    ["0s", 0],
    ["250", 250],
    [60_000, 60_000],
  ])("%s is %d ms", (text, ms) => {
    expect(parseDuration(text, "maxLag")).toBe(ms);
  });

  it.each([
    ["1.5h", '"1.5h" is not a duration such as "90s", "15m", "2h" or "1d" (or milliseconds)'],
    ["15 min", '"15 min" is not a duration such as "90s", "15m", "2h" or "1d" (or milliseconds)'],
    ["-1m", '"-1m" is not a duration such as "90s", "15m", "2h" or "1d" (or milliseconds)'],
    [-5, "must be a non-negative whole number of milliseconds, got -5"],
    [true, 'must be a duration such as "15m" or milliseconds, got boolean true'],
  ])("refuses %s, naming the argument", (value, reason) => {
    expect(() => parseDuration(value, "maxLag")).toThrow(`Invalid argument "maxLag": ${reason}`);
  });

  it("takes a fraction from 0 to 1 and refuses a percent", () => {
    expect(validateFraction(0.995, "minCoverage")).toBe(0.995);
    expect(() => validateFraction(99.5, "minCoverage")).toThrow(
      'Invalid argument "minCoverage": must be from 0 to 1, got 99.5',
    );
  });
});
