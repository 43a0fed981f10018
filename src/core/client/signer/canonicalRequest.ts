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
