import { EMPTY_BODY_SHA256 } from "./constants.js";
import { sha256Hex } from "./hash.js";

/**
 * Hex SHA-256 of the exact body bytes sent (a string is hashed as UTF-8). Re-serialising a body, even to equal
 * JSON, would change the hash: hash what goes on the wire.
 */
export function payloadHash(body?: string | Uint8Array): string {
  return body === undefined ? EMPTY_BODY_SHA256 : sha256Hex(body);
}
