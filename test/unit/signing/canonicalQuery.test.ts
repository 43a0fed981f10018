import { describe, expect, it } from "vitest";
import { canonicalQuery } from "../../../src/core/client/signer";
import { GO_CANONICAL_QUERY_VECTOR } from "./fixtures/vectors.js";

describe("canonicalQuery", () => {
  it("sorts by key, gives a repeated key one pair per value, and sorts those values", () => {
    expect(canonicalQuery(new URLSearchParams("b=2&a=z&a=x&a=y&c=1"))).toBe("a=x&a=y&a=z&b=2&c=1");
  });

  it("reproduces the Go SDK's canonical query vector", () => {
    expect(canonicalQuery(new URLSearchParams(GO_CANONICAL_QUERY_VECTOR.params))).toBe(
      GO_CANONICAL_QUERY_VECTOR.canonicalQuery,
    );
  });

  it("gives an empty string for an empty query", () => {
    expect(canonicalQuery(new URLSearchParams())).toBe("");
    expect(canonicalQuery(new URL("https://h.example/path?").searchParams)).toBe("");
  });

  it("signs a key without value as key=", () => {
    expect(canonicalQuery(new URLSearchParams("flag&empty="))).toBe("empty=&flag=");
  });

  it("encodes keys and values like path segments (space as %20), after form decoding (+ is a space)", () => {
    expect(canonicalQuery(new URL("https://h.example/?q=a+b%2Bc&%E4%B8%AD=%2F%3F%23%26%3D").searchParams)).toBe(
      "q=a%20b%2Bc&%E4%B8%AD=%2F%3F%23%26%3D",
    );
  });

  it("sorts decoded keys by code point, as Go and Python do, not encoded keys nor UTF-16 code units", () => {
    const params = new URLSearchParams([
      ["😀", "1"],
      ["\uff01", "2"],
      ["é", "3"],
      ["~", "4"],
    ]);
    // ~ (U+007E) < é (U+00E9) < ！ (U+FF01) < 😀 (U+1F600); encoded, "%C3%A9" would sort before "~".
    expect(canonicalQuery(params)).toBe("~=4&%C3%A9=3&%EF%BC%81=2&%F0%9F%98%80=1");
  });
});
