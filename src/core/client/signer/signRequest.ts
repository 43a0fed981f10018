import { canonicalizeRequest } from "./canonicalizeRequest.js";
import { headersToSign } from "./headersToSign.js";
import { formatSdkDate } from "./sdkDate.js";
import { signCanonical } from "./signCanonical.js";
import type { RequestToSign, SigningCredentials, SigningHeaders, SignOptions } from "./types.js";

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
