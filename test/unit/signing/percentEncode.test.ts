import { describe, expect, it } from "vitest";
import { percentEncode } from "../../../src/core/client/signer";

describe("percentEncode", () => {
  it.each([
    ["RFC 3986 unreserved characters stay", "AZaz09-_.~", "AZaz09-_.~"],
    [
      "reserved characters, which encodeURIComponent partly keeps",
      "!*'();:@&=+$,/?#[]",
      "%21%2A%27%28%29%3B%3A%40%26%3D%2B%24%2C%2F%3F%23%5B%5D",
    ],
    ["space is %20, never +", "a b", "a%20b"],
    ["percent is encoded, not taken for an escape", "%41", "%2541"],
    ["UTF-8 bytes, uppercase hex", "é中😀", "%C3%A9%E4%B8%AD%F0%9F%98%80"],
    ["control characters", "\u0000\n\u007f", "%00%0A%7F"],
  ])("%s", (_, value, expected) => {
    expect(percentEncode(value)).toBe(expected);
  });
});
