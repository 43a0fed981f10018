import { createHash, createHmac } from "node:crypto";

/** Hex SHA-256 of a string's UTF-8 bytes, or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

/** Hex HMAC-SHA256 keyed with the UTF-8 bytes of `key`. */
export function hmacSha256Hex(key: string, data: string): string {
  return createHmac("sha256", key).update(data).digest("hex");
}
