import { createHash } from "node:crypto";
import { EMPTY_BODY_SHA256, UNRESERVED_CHARACTERS } from "./constants";
import type { RequestToSign } from "./types";

/** The canonical request of `request`, signing every header in `request.headers` and no other. */
export function canonicalizeRequest(request: RequestToSign): { canonicalRequest: string; signedHeaders: string } {
  const headers = canonicalHeaders(request.headers);
  return {
    canonicalRequest: canonicalRequest({
      method: request.method,
      canonicalUri: canonicalUri(request.url.pathname),
      canonicalQuery: canonicalQuery(request.url.searchParams),
      canonicalHeaders: headers.canonical,
      signedHeaders: headers.signedHeaders,
      payloadHash: payloadHash(request.body),
    }),
    signedHeaders: headers.signedHeaders,
  };
}

/** The six parts of a canonical request, each already canonical. */
export interface CanonicalRequestParts {
  method: string;
  canonicalUri: string;
  canonicalQuery: string;
  /** `name:value\n` lines, so the canonical request shows an empty line after them. */
  canonicalHeaders: string;
  signedHeaders: string;
  payloadHash: string;
}

/** Joins the parts of a canonical request with newlines. */
export function canonicalRequest(parts: CanonicalRequestParts): string {
  return [
    parts.method,
    parts.canonicalUri,
    parts.canonicalQuery,
    parts.canonicalHeaders,
    parts.signedHeaders,
    parts.payloadHash,
  ].join("\n");
}

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
  // Every path this client sends is made of unreserved characters and slashes, which decoding and re-encoding leave
  // as they are: only the appended slash is left to do.
  if (PLAIN_PATH.test(pathname)) return pathname.endsWith("/") ? pathname : `${pathname}/`;
  const path = splitOnSlash(percentDecode(pathname)).map(percentEncodeBytes).join("/");
  return path.endsWith("/") ? path : `${path}/`;
}

const PLAIN_PATH = /^[A-Za-z0-9\-_.~/]*$/;

/**
 * The canonical query string: one `key=value` pair per parameter (a repeated key gives one pair per value), sorted
 * by decoded key and then decoded value, both encoded like path segments, joined by `&`. No parameters, no text.
 * @example canonicalQuery(new URLSearchParams("b=2&a=y&a=x")) // "a=x&a=y&b=2"
 */
export function canonicalQuery(searchParams: URLSearchParams): string {
  return [...searchParams]
    .sort(([keyA, valueA], [keyB, valueB]) => compareCodePoints(keyA, keyB) || compareCodePoints(valueA, valueB))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join("&");
}

/**
 * The canonical headers (`name:value\n` for each header, lowercase names sorted, values trimmed) and the signed
 * headers (the same names joined by `;`). Every header given is signed: choosing which to sign is the caller's job.
 * Values are trimmed because HTTP clients strip surrounding whitespace when they send a header, and the gateway
 * signs what it receives.
 * @example canonicalHeaders({ "X-Sdk-Date": "20191115T033655Z", Host: "example.com" })
 * // { canonical: "host:example.com\nx-sdk-date:20191115T033655Z\n", signedHeaders: "host;x-sdk-date" }
 */
export function canonicalHeaders(headers: Record<string, string>): { canonical: string; signedHeaders: string } {
  const sorted = [...lowercaseNames(headers)].sort(([nameA], [nameB]) => compareCodePoints(nameA, nameB));
  return {
    canonical: sorted.map(([name, value]) => `${name}:${value.trim()}\n`).join(""),
    signedHeaders: sorted.map(([name]) => name).join(";"),
  };
}

/**
 * Hex SHA-256 of the exact body bytes sent (a string is hashed as UTF-8). Re-serialising a body, even to equal
 * JSON, would change the hash: hash what goes on the wire.
 */
export function payloadHash(body?: string | Uint8Array): string {
  return body === undefined ? EMPTY_BODY_SHA256 : sha256Hex(body);
}

const UNRESERVED_BYTES = new Set(Buffer.from(UNRESERVED_CHARACTERS, "latin1"));

/**
 * Encodes bytes for the canonical request: unreserved bytes stay, every other byte becomes `%XX` (uppercase hex).
 * Unlike `encodeURIComponent`, it also encodes `!'()*`, as the reference algorithm and Huawei's SDKs do.
 */
function percentEncodeBytes(bytes: Uint8Array): string {
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

/** Splits a string around its `%XX` escapes: the escapes land at the odd indexes. */
const AROUND_ESCAPES = /(%[0-9A-Fa-f]{2})/;

/**
 * Decodes `%XX` escapes to bytes and everything else to its UTF-8 bytes. A `%` not followed by two hex digits
 * stays as it is (WHATWG URL percent-decode), so even a malformed path has a canonical form.
 */
function percentDecode(text: string): Uint8Array {
  const chunks = text
    .split(AROUND_ESCAPES)
    .map((chunk, index) =>
      index % 2 === 1 ? Uint8Array.of(Number.parseInt(chunk.slice(1), 16)) : Buffer.from(chunk, "utf8"),
    );
  return Buffer.concat(chunks);
}

/**
 * The headers keyed by lowercase name. Two names that differ only in case would be sent as one header with both
 * values joined, so which value to sign is ambiguous: that is an error rather than a guess.
 */
export function lowercaseNames(headers: Record<string, string>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lowercase = name.toLowerCase();
    if (byName.has(lowercase)) {
      throw new TypeError(`Header "${lowercase}" is given more than once (names differing only in case)`);
    }
    byName.set(lowercase, value);
  }
  return byName;
}

/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes: the order Go's `sort.Strings`
 * and Python's `sorted` give. JavaScript's default sort compares UTF-16 code units instead, which puts characters
 * above U+FFFF (emoji) before U+E000–U+FFFF.
 */
function compareCodePoints(left: string, right: string): number {
  // Without surrogates, UTF-16 code units are code points: the plain comparison gives the same order, with no bytes.
  if (!SURROGATE.test(left) && !SURROGATE.test(right)) return left < right ? -1 : left > right ? 1 : 0;
  return Buffer.compare(Buffer.from(left, "utf8"), Buffer.from(right, "utf8"));
}

const SURROGATE = /[\uD800-\uDFFF]/;

/** Hex SHA-256 of a string's UTF-8 bytes, or of bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}
