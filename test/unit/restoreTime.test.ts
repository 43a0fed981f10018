import { describe, expect, it } from "vitest";
import {
  findRestoreTimeRange,
  latestRestorableTime,
  nearestRestoreTimeRanges,
} from "../../src/core/restore/findRestoreTimeRange";
import { parseRestoreTime, utcDay } from "../../src/core/restore/parseRestoreTime";

describe("parseRestoreTime", () => {
  it.each([
    ["2026-11-20T03:00:00Z", Date.UTC(2026, 10, 20, 3)],
    ["2026-11-20T11:00:00+08:00", Date.UTC(2026, 10, 20, 3)],
    ["2026-11-20T03:00:00.250Z", Date.UTC(2026, 10, 20, 3, 0, 0, 250)],
    ["2026-11-20T03:00Z", Date.UTC(2026, 10, 20, 3)],
    ["1763607600000", 1763607600000],
    [1763607600000, 1763607600000],
    [new Date(Date.UTC(2024, 1, 29)), Date.UTC(2024, 1, 29)],
    [0, 0],
    ["9999-12-31T23:59:59.999Z", Date.UTC(9999, 11, 31, 23, 59, 59, 999)],
  ])("accepts %j", (input, expected) => {
    expect(parseRestoreTime(input)).toBe(expected);
  });

  it.each([
    [
      "2026-11-20T03:00:00",
      'Invalid argument "restoreTime": "2026-11-20T03:00:00" is not an ISO-8601 date-time with a zone',
    ],
    ["2026-11-20", 'Invalid argument "restoreTime": "2026-11-20" is not an ISO-8601 date-time with a zone'],
    ["2023-02-29T00:00:00Z", 'Invalid argument "restoreTime": "2023-02-29T00:00:00Z" is not a real date and time'],
    ["2026-11-20T24:30:00Z", 'Invalid argument "restoreTime": "2026-11-20T24:30:00Z" is not a real date and time'],
    ["yesterday", 'Invalid argument "restoreTime": "yesterday" is not an ISO-8601'],
    [-1, 'Invalid argument "restoreTime": must be a non-negative integer of epoch milliseconds, got -1'],
    [1.5, 'Invalid argument "restoreTime": must be a non-negative integer of epoch milliseconds, got 1.5'],
    [null, 'Invalid argument "restoreTime": must be ISO-8601 text, epoch milliseconds or a Date, got null'],
    [new Date(Number.NaN), 'Invalid argument "restoreTime": is an invalid Date'],
    [9e15, 'Invalid argument "restoreTime": 9000000000000000 is outside the years 1970 to 9999'],
    [1e16, 'Invalid argument "restoreTime": 10000000000000000 is outside the years 1970 to 9999'],
    ["253402300800000", 'Invalid argument "restoreTime": "253402300800000" is outside the years 1970 to 9999'],
    [
      "1960-06-01T00:00:00Z",
      'Invalid argument "restoreTime": "1960-06-01T00:00:00Z" is outside the years 1970 to 9999',
    ],
    [undefined, 'Invalid argument "restoreTime": must be ISO-8601 text, epoch milliseconds or a Date, got undefined'],
  ])("refuses %j", (input, message) => {
    expect(() => parseRestoreTime(input)).toThrowError(message);
  });

  it("gives the UTC day, not the local one", () => {
    expect(utcDay(Date.UTC(2026, 10, 20, 23, 59, 59, 999))).toBe("2026-11-20");
    expect(utcDay(Date.UTC(2026, 10, 21))).toBe("2026-11-21");
  });
});

describe("findRestoreTimeRange / latestRestorableTime", () => {
  const ranges = [
    { startTime: 1000, endTime: 2000 },
    { startTime: 5000, endTime: 9000 },
  ];

  it("includes both ends and nothing in the gaps", () => {
    expect(findRestoreTimeRange(ranges, 1000)).toEqual(ranges[0]);
    expect(findRestoreTimeRange(ranges, 2000)).toEqual(ranges[0]);
    expect(findRestoreTimeRange(ranges, 9000)).toEqual(ranges[1]);
    expect(findRestoreTimeRange(ranges, 2001)).toBeUndefined();
    expect(findRestoreTimeRange(ranges, 999)).toBeUndefined();
    expect(findRestoreTimeRange([], 1500)).toBeUndefined();
  });

  it("finds the latest end, whatever the order", () => {
    expect(latestRestorableTime([...ranges].reverse())).toBe(9000);
    expect(latestRestorableTime([])).toBeUndefined();
  });

  it("orders ranges by distance to a time", () => {
    expect(nearestRestoreTimeRanges(ranges, 4000, 1)).toEqual([ranges[1]]);
    expect(nearestRestoreTimeRanges(ranges, 2500)).toEqual([ranges[0], ranges[1]]);
  });
});
