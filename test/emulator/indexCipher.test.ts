import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scrambleIndex, unscrambleIndex } from "../../emulator/indexCipher";

describe("index cipher", () => {
  it("unscrambles every scrambled index, for any key", () => {
    fc.assert(
      fc.property(fc.nat({ max: 0xffffffff }), fc.nat({ max: 0xffffffff }), (index, key) => {
        expect(unscrambleIndex(scrambleIndex(index, key), key)).toBe(index);
      }),
    );
  });

  it("spreads consecutive indices", () => {
    const prefixes = new Set([0, 1, 2, 3].map((i) => scrambleIndex(i, 42) >>> 24));
    expect(prefixes.size).toBeGreaterThan(2);
  });
});
