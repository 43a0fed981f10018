import { SIGNING_ALGORITHM } from "./constants.js";

/** The `Authorization` header value. */
export function authorizationHeader(accessKey: string, signedHeaders: string, signature: string): string {
  return `${SIGNING_ALGORITHM} Access=${accessKey}, SignedHeaders=${signedHeaders}, Signature=${signature}`;
}
