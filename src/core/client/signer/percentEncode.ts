import { UNRESERVED_CHARACTERS } from "./constants.js";

const UNRESERVED_BYTES = new Set(Buffer.from(UNRESERVED_CHARACTERS, "latin1"));

/**
 * Encodes bytes for the canonical request: unreserved bytes stay, every other byte becomes `%XX` (uppercase hex).
 * Unlike `encodeURIComponent`, it also encodes `!'()*`, as the reference algorithm and Huawei's SDKs do.
 */
export function percentEncodeBytes(bytes: Uint8Array): string {
  let encoded = "";
  for (const byte of bytes) {
    encoded += UNRESERVED_BYTES.has(byte)
      ? String.fromCharCode(byte)
      : `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
  }
  return encoded;
}

/**
 * Encodes the UTF-8 bytes of `value` for the canonical request.
 * @example percentEncode("一 (&=?)") // "%E4%B8%80%20%28%26%3D%3F%29"
 */
export function percentEncode(value: string): string {
  return percentEncodeBytes(Buffer.from(value, "utf8"));
}
