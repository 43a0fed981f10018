import { canonicalHeaders } from "./canonical-headers.js";
import { canonicalQuery } from "./canonical-query.js";
import { canonicalRequest } from "./canonical-request.js";
import { canonicalUri } from "./canonical-uri.js";
import { payloadHash } from "./payload-hash.js";
import type { RequestToSign } from "./types.js";

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
