import { canonicalHeaders } from "./canonicalHeaders.js";
import { canonicalQuery } from "./canonicalQuery.js";
import { canonicalRequest } from "./canonicalRequest.js";
import { canonicalUri } from "./canonicalUri.js";
import { payloadHash } from "./payloadHash.js";
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
