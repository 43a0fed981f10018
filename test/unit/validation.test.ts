import { describe, expect, it } from "vitest";
import { validateDate, validateEndpoint, validateInstanceId, validateRegion } from "../../src/core/client/validation";
import {
  matchesFilters,
  validateOffsiteBackupInstancesArgs,
} from "../../src/core/dataSources/getOffsiteBackupInstances";

const validateFilters = (args: Record<string, unknown>) => validateOffsiteBackupInstancesArgs(args).filters;

import { validateArgsObject } from "../../src/core/dataSources/definition";

describe("input validation", () => {
  it.each(["2024-02-29", "2026-01-01", "1999-12-31"])("accepts the calendar day %s", (day) => {
    expect(validateDate(day)).toBe(day);
  });

  it.each([
    "2023-02-29",
    "2026-13-01",
    "2026-04-31",
    "2026-1-01",
    "20260101",
    "2026-01-01T00:00:00Z",
    "",
  ])("refuses %j as a date", (day) => {
    expect(() => validateDate(day)).toThrowError(
      `Invalid argument "date": "${day}" is not a calendar day in yyyy-mm-dd form`,
    );
  });

  it.each([
    "../x",
    "a/b",
    "a?b",
    "a#b",
    "a%2Fb",
    "a b",
    ".",
    "é",
    "-lead",
    "x".repeat(129),
  ])("refuses the instance id %j, which could reshape a path", (id) => {
    expect(() => validateInstanceId(id)).toThrowError('Invalid argument "instanceId"');
  });

  it("refuses empty and non-string instance ids with distinct reasons", () => {
    expect(() => validateInstanceId("")).toThrowError('Invalid argument "instanceId": must not be empty');
    expect(() => validateInstanceId(42)).toThrowError('Invalid argument "instanceId": must be a string, got number 42');
  });

  it.each(["cn-north-4", "ap-southeast-1", "eu-west-101", "ru-northwest-2"])("accepts the region %s", (region) => {
    expect(validateRegion(region)).toBe(region);
  });

  it.each([
    "",
    "cn_north_4",
    "CN-NORTH-4",
    "cn-north",
    "https://rds.cn-north-4.myhuaweicloud.com",
  ])("refuses the region %j", (region) => {
    expect(() => validateRegion(region)).toThrowError('Invalid argument "region"');
  });

  it("refuses filter values of the wrong type instead of coercing them", () => {
    expect(() => validateFilters({ keepDays: "7" })).toThrowError(
      'Invalid argument "keepDays": must be an integer, got the string "7"',
    );
    expect(() => validateFilters({ name: 7 })).toThrowError('Invalid argument "name": must be a string, got number 7');
  });

  it("caps an unknown argument's name in the message", () => {
    const error = (() => {
      try {
        validateArgsObject({ ["k".repeat(1_000_000)]: 1 }, ["instanceId"], "f");
      } catch (caught) {
        return caught as Error;
      }
    })();
    expect(error?.message).toMatch(/^Invalid argument "k{100}… \(truncated, 1000000 chars\)": unknown argument of f/);
  });

  it("never echoes the user info of an endpoint URL, even one that does not parse", () => {
    expect(() => validateEndpoint("http://user:s3cret@[::1", "rdsEndpoint")).toThrowError(
      'Invalid argument "rdsEndpoint": "http://…@[::1" is not a URL',
    );
    expect(() => validateEndpoint("https://user:s3cret@rds.example.com", "rdsEndpoint")).toThrowError(
      'Invalid argument "rdsEndpoint": must not contain user info (user:password@); the URL is not shown',
    );
    expect(validateEndpoint("https://rds.example.com/base/", "rdsEndpoint")).toBe("https://rds.example.com/base");
  });

  it("refuses unknown arguments and suggests the right spelling", () => {
    expect(() => validateArgsObject({ instanceID: "x" }, ["instanceId"], "getOffsiteRestoreTimeRanges")).toThrowError(
      'Invalid argument "instanceID": unknown argument of getOffsiteRestoreTimeRanges; did you mean "instanceId"?',
    );
    expect(() => validateArgsObject("x", ["instanceId"], "f")).toThrowError(
      'Invalid argument "args": f takes an object of arguments, got the string "x"',
    );
  });

  it('says a missing value is required, never "undefined undefined"', () => {
    expect(() => validateInstanceId(undefined)).toThrowError('Invalid argument "instanceId": is required');
    expect(() => validateFilters({ keepDays: null })).toThrowError(
      'Invalid argument "keepDays": must be an integer, got null',
    );
  });

  it("matches filters exactly (engines in any case); an absent field never matches", () => {
    const instance = {
      id: "a",
      name: "db",
      sourceRegion: "cn-north-4",
      sourceProjectId: undefined,
      datastore: { type: "MySQL", version: "8.0" },
      destinationRegion: "ap-southeast-1",
      destinationProjectId: "p",
      keepDays: undefined,
    };
    expect(matchesFilters(instance, { datastoreType: "MySQL", name: "db" })).toBe(true);
    expect(validateFilters({ datastoreType: "mysql" })).toEqual({ datastoreType: "MySQL" });
    expect(
      matchesFilters({ ...instance, datastore: { type: "mysql", version: "8.0" } }, { datastoreType: "MySQL" }),
    ).toBe(true);
    expect(matchesFilters(instance, { datastoreType: "PostgreSQL" })).toBe(false);
    expect(matchesFilters(instance, { keepDays: 7 })).toBe(false);
    expect(matchesFilters(instance, {})).toBe(true);
  });
});
