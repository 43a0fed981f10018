// Huawei Cloud's SDK-HMAC-SHA256 signing in its three steps: the canonical request (canonicalRequest.ts), the string
// to sign and its HMAC (signRequest.ts), the headers added (signRequest.ts). The pure steps are exported because the
// vector and property tests check each one against Huawei's own signer.
export {
  type CanonicalRequestParts,
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  payloadHash,
  percentEncode,
} from "./canonicalRequest";
export { EMPTY_BODY_SHA256, SIGNING_ALGORITHM } from "./constants";
export {
  buildCanonicalRequest,
  type CanonicalSignature,
  formatSdkDate,
  signCanonical,
  signRequest,
  stringToSign,
} from "./signRequest";
export type { RequestToSign, SigningCredentials, SigningHeaders, SignOptions } from "./types";
