import { percentDecode } from "./percentDecode.js";
import { percentEncodeBytes } from "./percentEncode.js";

const SLASH = 0x2f;

function splitOnSlash(bytes: Uint8Array): Uint8Array[] {
  const segments: Uint8Array[] = [];
  let start = 0;
  for (let index = 0; index <= bytes.length; index++) {
    if (index === bytes.length || bytes[index] === SLASH) {
      segments.push(bytes.subarray(start, index));
      start = index + 1;
    }
  }
  return segments;
}

/**
 * The canonical URI of a percent-encoded path: each segment decoded, re-encoded (only unreserved bytes stay),
 * joined by `/`, with a `/` appended when it does not end with one.
 *
 * The whole path is decoded before it is split, as Huawei's SDKs do (Go signs the raw path, Python `unquote`s it
 * first): an encoded slash `%2F` separates segments like `/` does. The appended `/` belongs to the signature only:
 * the gateway appends it when it canonicalises the request it received, and sending it would change the path the
 * API routes on.
 * @example canonicalUri("/v1/a%20b") // "/v1/a%20b/"
 */
export function canonicalUri(pathname: string): string {
  const path = splitOnSlash(percentDecode(pathname)).map(percentEncodeBytes).join("/");
  return path.endsWith("/") ? path : `${path}/`;
}
