import { createHash } from "node:crypto";
import { AKSKSigner } from "@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner";

/** A request as the server received it, reduced to what SDK-HMAC-SHA256 signs. */
export interface ReceivedRequest {
  readonly method: string;
  /** Percent-decoded path; each segment is encoded again by the canonicalisation. */
  readonly decodedPath: string;
  /** Decoded query values. */
  readonly query: Record<string, string[]>;
  /** Lowercase name -> received value, for exactly the signed headers. */
  readonly signedHeaders: Record<string, string>;
  /** Hex SHA-256 of the body, or the `X-Sdk-Content-Sha256` value when the client sent one. */
  readonly payloadHash: string;
}

export interface SignatureParts {
  readonly canonicalRequest: string;
  readonly stringToSign: string;
}

/**
 * Huawei's own Node signer, reused step by step: its CanonicalURI, CanonicalQueryString and buildCanonicalHeaders are
 * the reference canonicalisation. Its sign() cannot be called on a received request as is: it re-parses the URL it is
 * given (encoding the already-encoded path a second time) and always adds a `host` header, whereas the server must
 * hash exactly what the client signed. The helpers are protected, hence the subclass.
 */
class ReceivedRequestSigner extends AKSKSigner {
  static parts(request: ReceivedRequest, sdkDate: string): SignatureParts {
    const canonicalUri = ReceivedRequestSigner.CanonicalURI(request.decodedPath) ?? "/";
    // CanonicalQueryString sorts value arrays in place; hand it copies.
    const queryParams = Object.fromEntries(Object.entries(request.query).map(([key, values]) => [key, values.slice()]));
    const canonicalQuery = ReceivedRequestSigner.CanonicalQueryString({ queryParams });
    const canonicalHeaders = ReceivedRequestSigner.buildCanonicalHeaders(request.signedHeaders);
    // Like sign(): names lowercased and sorted, so a client listing them in another order does not verify.
    const signedHeaderNames = Object.keys(request.signedHeaders).sort().join(";");
    const canonicalRequest = ReceivedRequestSigner.buildCanonicalRequest(
      request.method,
      canonicalUri,
      canonicalQuery,
      canonicalHeaders,
      signedHeaderNames,
      request.payloadHash,
    );
    const stringToSign = ReceivedRequestSigner.getStringToSign(
      ReceivedRequestSigner.SDK_SIGNING_ALGORITHM,
      sdkDate,
      ReceivedRequestSigner.Hex(canonicalRequest),
    );
    return { canonicalRequest, stringToSign };
  }

  static signature(secretKey: string, stringToSign: string): string {
    return ReceivedRequestSigner.hmacSHA256(secretKey, stringToSign);
  }
}

export function signatureParts(request: ReceivedRequest, sdkDate: string): SignatureParts {
  return ReceivedRequestSigner.parts(request, sdkDate);
}

export function expectedSignature(secretKey: string, stringToSign: string): string {
  return ReceivedRequestSigner.signature(secretKey, stringToSign);
}

export function payloadHash(body: Buffer): string {
  return createHash("sha256").update(body).digest("hex");
}
