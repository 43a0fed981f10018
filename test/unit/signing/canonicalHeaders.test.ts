import { describe, expect, it } from "vitest";
import { canonicalHeaders } from "../../../src/core/client/signer";

describe("canonicalHeaders", () => {
  it("lowercases names, sorts them, and trims values", () => {
    expect(
      canonicalHeaders({
        "X-Sdk-Date": " 20191115T033655Z",
        HOST: "service.region.example.com",
        "Content-Type": "\tapplication/json; charset=utf-8 ",
      }),
    ).toEqual({
      canonical:
        "content-type:application/json; charset=utf-8\nhost:service.region.example.com\nx-sdk-date:20191115T033655Z\n",
      signedHeaders: "content-type;host;x-sdk-date",
    });
  });

  it("keeps whitespace inside a value", () => {
    expect(canonicalHeaders({ "X-Note": "a  b" }).canonical).toBe("x-note:a  b\n");
  });

  it("refuses names that differ only in case, whose signed value would be ambiguous", () => {
    expect(() => canonicalHeaders({ "Content-Type": "a", "content-type": "b" })).toThrow(
      new TypeError('Header "content-type" is given more than once (names differing only in case)'),
    );
  });
});
