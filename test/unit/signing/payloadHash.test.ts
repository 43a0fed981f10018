import { describe, expect, it } from "vitest";
import { EMPTY_BODY_SHA256, payloadHash } from "../../../src/core/client/signer";

describe("payloadHash", () => {
  it("hashes an absent or empty body to the SHA-256 of zero bytes", () => {
    expect(EMPTY_BODY_SHA256).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(payloadHash()).toBe(EMPTY_BODY_SHA256);
    expect(payloadHash("")).toBe(EMPTY_BODY_SHA256);
    expect(payloadHash(new Uint8Array())).toBe(EMPTY_BODY_SHA256);
  });

  it("hashes a string as its UTF-8 bytes", () => {
    expect(payloadHash("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(payloadHash("é中😀")).toBe(payloadHash(Buffer.from("é中😀", "utf8")));
  });

  it("covers every byte, a trailing newline included", () => {
    expect(payloadHash('{"a":1}\n')).not.toBe(payloadHash('{"a":1}'));
  });
});
