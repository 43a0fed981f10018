import { describe, expect, it } from "vitest";
import { canonicalUri } from "../../../src/core/client/signer";

const pathOf = (url: string) => new URL(url).pathname;

describe("canonicalUri", () => {
  it("appends a trailing slash when the path has none, and never doubles one", () => {
    expect(canonicalUri("/v3/projects")).toBe("/v3/projects/");
    expect(canonicalUri("/v3/projects/")).toBe("/v3/projects/");
  });

  it("gives / for an empty path", () => {
    expect(canonicalUri("")).toBe("/");
    expect(canonicalUri(pathOf("https://rds.example.com"))).toBe("/");
  });

  it("decodes each segment and re-encodes it, so only unreserved characters stay", () => {
    expect(canonicalUri("/a%7E%2d/%e4%b8%ad")).toBe("/a~-/%E4%B8%AD/");
  });

  it("encodes the reserved characters URL leaves in a path", () => {
    const path = pathOf("https://h.example/v1/a!$&'()*+,;=:@b");
    expect(path).toBe("/v1/a!$&'()*+,;=:@b");
    expect(canonicalUri(path)).toBe("/v1/a%21%24%26%27%28%29%2A%2B%2C%3B%3D%3A%40b/");
  });

  it("encodes unicode and encoded space, question mark and hash as UTF-8 bytes", () => {
    expect(canonicalUri(pathOf("https://h.example/中文/😀/a b/%3F%23"))).toBe(
      "/%E4%B8%AD%E6%96%87/%F0%9F%98%80/a%20b/%3F%23/",
    );
  });

  it("keeps empty segments", () => {
    expect(canonicalUri("/a//b")).toBe("/a//b/");
  });

  it("treats an encoded slash as a separator, as Huawei's SDKs decode the path before splitting it", () => {
    expect(canonicalUri("/a%2Fb")).toBe("/a/b/");
  });

  it("encodes a % that starts no escape", () => {
    expect(canonicalUri("/100%/a%zz")).toBe("/100%25/a%25zz/");
  });
});
