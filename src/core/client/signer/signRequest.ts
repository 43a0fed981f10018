import { createHmac } from "node:crypto";
import { canonicalizeRequest, lowercaseNames, sha256Hex } from "./canonicalRequest";
import {
  AUTHORIZATION_HEADER,
  HOST_HEADER,
  SDK_DATE_HEADER,
  SECURITY_TOKEN_HEADER,
  SIGNED_WHEN_SENT,
  SIGNING_ALGORITHM,
} from "./constants";
import type { RequestToSign, SigningCredentials, SigningHeaders, SignOptions } from "./types";

function prepare(
  request: RequestToSign,
  credentials: Pick<SigningCredentials, "securityToken">,
  date: Date,
  options: SignOptions,
) {
  const sdkDate = formatSdkDate(date);
  const added: Omit<SigningHeaders, "Authorization"> = credentials.securityToken
    ? { "X-Sdk-Date": sdkDate, "X-Security-Token": credentials.securityToken }
    : { "X-Sdk-Date": sdkDate };
  const signed: RequestToSign = { ...request, headers: headersToSign(request, added, options.signedHeaderNames) };
  return { sdkDate, added, signed };
}

/**
 * Signs a request with `SDK-HMAC-SHA256` and returns the headers to add to it: `X-Sdk-Date`, `Authorization`, and
 * `X-Security-Token` when the credentials carry one. Merge them over `request.headers` case-insensitively (for
 * example with a `Headers` object). Signs `host`, `x-sdk-date`, and `content-type`, `x-project-id` and
 * `x-security-token` when sent, plus `options.signedHeaderNames`.
 *
 * `date` is an argument, never the clock: sign every attempt, retries included, with a fresh one.
 * @example
 * const headers = { "Content-Type": "application/json", "X-Project-Id": projectId };
 * const added = signRequest({ method: "GET", url, headers }, { accessKey, secretKey }, new Date());
 * await fetch(url, { headers: { ...headers, ...added } });
 */
export function signRequest(
  request: RequestToSign,
  credentials: SigningCredentials,
  date: Date,
  options: SignOptions = {},
): SigningHeaders {
  const { sdkDate, added, signed } = prepare(request, credentials, date, options);
  return { ...added, Authorization: signCanonical(signed, credentials, sdkDate).authorization };
}

/**
 * The canonical request {@link signRequest} signs for the same arguments, to compare with the one a gateway echoes
 * when it rejects a signature. Of the credentials only the security token is read, a signed header that the text
 * contains; the secret key is never part of it.
 */
export function buildCanonicalRequest(
  request: RequestToSign,
  credentials: Partial<SigningCredentials>,
  date: Date,
  options: SignOptions = {},
): string {
  return canonicalizeRequest(prepare(request, credentials, date, options).signed).canonicalRequest;
}

export interface CanonicalSignature {
  /** The signed header names, e.g. `"host;x-sdk-date"`. */
  signedHeaders: string;
  /** Hex HMAC-SHA256 of the string to sign. */
  signature: string;
  /** The `Authorization` header value. */
  authorization: string;
}

/**
 * Signs exactly the headers in `request.headers` (host and `X-Sdk-Date` included only if given there), with
 * `sdkDate` in the string to sign. The building block of {@link signRequest}, for callers that must control the
 * signed set, such as vectors that sign no `host`.
 * @example
 * const url = new URL("https://example.huaweicloud.com/path?limit=1");
 * const headers = { "X-Sdk-Date": "20060102T150405Z" };
 * const keys = { accessKey: "AccessKey", secretKey: "SecretKey" };
 * signCanonical({ method: "GET", url, headers }, keys, "20060102T150405Z").authorization;
 * // "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=x-sdk-date, Signature=5a2c…"
 */
export function signCanonical(
  request: RequestToSign,
  credentials: Pick<SigningCredentials, "accessKey" | "secretKey">,
  sdkDate: string,
): CanonicalSignature {
  const { canonicalRequest, signedHeaders } = canonicalizeRequest(request);
  const signature = hmacSha256Hex(credentials.secretKey, stringToSign(sdkDate, sha256Hex(canonicalRequest)));
  return {
    signedHeaders,
    signature,
    authorization: authorizationHeader(credentials.accessKey, signedHeaders, signature),
  };
}

/**
 * The headers {@link signRequest} signs, by lowercase name: `host` (from the URL, as HTTP clients send it), the
 * headers signing adds, the sent `content-type`, `x-project-id` and `x-security-token`, and the sent headers named
 * in `signedHeaderNames`. The added headers replace sent ones of the same name, so re-signing a retried request
 * signs the new date, not the previous attempt's.
 */
function headersToSign(
  request: RequestToSign,
  added: Omit<SigningHeaders, "Authorization">,
  signedHeaderNames: readonly string[] = [],
): Record<string, string> {
  const sent = lowercaseNames(request.headers);
  sent.set(SDK_DATE_HEADER, added["X-Sdk-Date"]);
  if (added["X-Security-Token"]) {
    sent.set(SECURITY_TOKEN_HEADER, added["X-Security-Token"]);
  }
  sent.set(HOST_HEADER, request.url.host);

  const names = [HOST_HEADER, SDK_DATE_HEADER, ...SIGNED_WHEN_SENT.filter((name) => sent.has(name))];
  for (const name of signedHeaderNames.map((name) => name.toLowerCase())) {
    if (name === AUTHORIZATION_HEADER) {
      throw new TypeError('Cannot sign header "authorization": it carries the signature');
    }
    if (!sent.has(name)) {
      throw new TypeError(`Cannot sign header "${name}": the request does not send it`);
    }
    names.push(name);
  }
  return Object.fromEntries(names.map((name) => [name, sent.get(name)!]));
}

/**
 * The string to sign: algorithm, `X-Sdk-Date`, hex SHA-256 of the canonical request. Unlike AWS SigV4 there is no
 * credential scope: the secret key signs this string directly.
 */
export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return [SIGNING_ALGORITHM, sdkDate, canonicalRequestHash].join("\n");
}

/** The `Authorization` header value. */
function authorizationHeader(accessKey: string, signedHeaders: string, signature: string): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}

/**
 * Formats a date as `X-Sdk-Date` wants it, `YYYYMMDDTHHMMSSZ` in UTC; milliseconds are dropped.
 * Throws a `RangeError` for an invalid date or a year outside 0000–9999, which the format cannot hold.
 * @example formatSdkDate(new Date("2019-11-15T03:36:55.123Z")) // "20191115T033655Z"
 */
export function formatSdkDate(date: Date): string {
  // Every request of a busy second carries the same text: it is formatted once per second, not once per request.
  const second = Math.floor(date.getTime() / 1000);
  if (second === lastFormatted.second) return lastFormatted.text;
  const iso = date.toISOString();
  if (!/^\d{4}-/.test(iso)) {
    throw new RangeError(`X-Sdk-Date cannot hold the year of ${iso}`);
  }
  const text = iso.replace(/[-:]|\.\d{3}/g, "");
  lastFormatted = { second, text };
  return text;
}

let lastFormatted = { second: Number.NaN, text: "" };

/** Hex HMAC-SHA256 keyed with the UTF-8 bytes of `key`. */
function hmacSha256Hex(key: string, data: string): string {
  return createHmac("sha256", key).update(data).digest("hex");
}
