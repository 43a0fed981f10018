import { authorizationHeader } from "./authorization.js";
import { canonicalizeRequest } from "./canonicalizeRequest.js";
import { hmacSha256Hex, sha256Hex } from "./hash.js";
import { stringToSign } from "./stringToSign.js";
import type { RequestToSign, SigningCredentials } from "./types.js";

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
