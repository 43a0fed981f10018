import { percentEncode } from "../signer";

/**
 * Builds a request path from segments, percent-encoding each one, so a value can never add a segment, a query or a
 * fragment: `pathOf("v3", projectId, "instances", id)`.
 */
export function pathOf(...segments: string[]): string {
  return `/${segments.map(percentEncode).join("/")}`;
}
