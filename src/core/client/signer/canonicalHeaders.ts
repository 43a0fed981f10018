import { compareCodePoints } from "./compareCodePoints.js";
import { lowercaseNames } from "./lowercaseNames.js";

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
