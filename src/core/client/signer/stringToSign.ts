import { SIGNING_ALGORITHM } from "./constants.js";

/**
 * The string to sign: algorithm, `X-Sdk-Date`, hex SHA-256 of the canonical request. Unlike AWS SigV4 there is no
 * credential scope: the secret key signs this string directly.
 */
export function stringToSign(sdkDate: string, canonicalRequestHash: string): string {
  return [SIGNING_ALGORITHM, sdkDate, canonicalRequestHash].join("\n");
}
