/** How a request that got no answer failed: a certificate not trusted (never retried), or the network (retried). */
export function networkFailure(
  error: unknown,
  url: URL,
): { errorCode: string; errorMessage: string; retryable: boolean } {
  const certificate = certificateProblem(error);
  if (certificate !== undefined) {
    return { errorCode: "CLIENT.Certificate", errorMessage: untrusted(url, certificate), retryable: false };
  }
  return { errorCode: "CLIENT.Network", errorMessage: networkMessage(error), retryable: true };
}

// What Node's TLS layer reports for a certificate it does not trust: no retry can change that.
const CERTIFICATE_CODES = new Set([
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "SELF_SIGNED_CERT_IN_CHAIN",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "UNABLE_TO_GET_ISSUER_CERT",
  "UNABLE_TO_GET_ISSUER_CERT_LOCALLY",
  "CERT_HAS_EXPIRED",
  "CERT_NOT_YET_VALID",
  "CERT_UNTRUSTED",
  "CERT_REJECTED",
  "CERT_SIGNATURE_FAILURE",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

function certificateProblem(error: unknown): string | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const code = "code" in cause && typeof cause.code === "string" ? cause.code : undefined;
    if (code !== undefined && CERTIFICATE_CODES.has(code)) return `${code}: ${cause.message}`;
  }
  return undefined;
}

function untrusted(url: URL, problem: string): string {
  return (
    `the TLS certificate of ${url.host} is not trusted (${problem}); not retried. ` +
    "Trust its CA with huaweicloud:cacertFile / HW_CACERT_FILE (a PEM bundle) or NODE_EXTRA_CA_CERTS, " +
    "or, for a test endpoint only, turn verification off with huaweicloud:insecure / HW_INSECURE=true"
  );
}

/**
 * `fetch failed` says nothing; the cause (`ECONNRESET`, `ECONNREFUSED 127.0.0.1:8080`) does. User info of any URL
 * in it (a proxy's `user:password@`) is cut out.
 */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return withoutUserInfo(String(error));
  // The whole chain: a refusing proxy is three causes deep (fetch failed → cancelled → "Proxy response (407)").
  const parts = [error.message];
  for (let cause = error.cause, depth = 0; cause instanceof Error && depth < 4; cause = cause.cause, depth += 1) {
    const code = "code" in cause && typeof cause.code === "string" ? `${cause.code}: ` : "";
    parts.push(`${code}${cause.message}`);
  }
  return withoutUserInfo(parts.join(": "));
}

function withoutUserInfo(text: string): string {
  return text.replace(/\/\/[^/\s@]*@/g, "//…@");
}
