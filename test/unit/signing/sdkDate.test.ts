import { describe, expect, it } from "vitest";
import { formatSdkDate } from "../../../src/core/client/signer";

describe("formatSdkDate", () => {
  it("formats in UTC as YYYYMMDDTHHMMSSZ, dropping milliseconds", () => {
    expect(formatSdkDate(new Date("2019-11-15T03:36:55.999Z"))).toBe("20191115T033655Z");
    expect(formatSdkDate(new Date("2019-11-15T11:36:55+08:00"))).toBe("20191115T033655Z");
  });

  it("pads a year below 1000 to four digits", () => {
    expect(formatSdkDate(new Date("0999-01-02T03:04:05Z"))).toBe("09990102T030405Z");
  });

  it("gives every instant of a second that second's text, and the next second its own", () => {
    expect(formatSdkDate(new Date("2019-11-15T03:36:55.100Z"))).toBe("20191115T033655Z");
    expect(formatSdkDate(new Date("2019-11-15T03:36:55.900Z"))).toBe("20191115T033655Z");
    expect(formatSdkDate(new Date("2019-11-15T03:36:56.000Z"))).toBe("20191115T033656Z");
    expect(formatSdkDate(new Date("2019-11-15T03:37:56.000Z"))).toBe("20191115T033756Z");
    expect(formatSdkDate(new Date("2019-11-15T03:36:55.500Z"))).toBe("20191115T033655Z");
    expect(formatSdkDate(new Date("1969-12-31T23:59:59.500Z"))).toBe("19691231T235959Z");
    expect(formatSdkDate(new Date("1970-01-01T00:00:00.000Z"))).toBe("19700101T000000Z");
  });

  it("refuses dates the format cannot hold", () => {
    expect(() => formatSdkDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => formatSdkDate(new Date("+010000-01-01T00:00:00Z"))).toThrow(RangeError);
  });
});
