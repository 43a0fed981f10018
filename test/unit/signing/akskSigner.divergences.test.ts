import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  type CanonicalRequestParts,
  canonicalHeaders,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  EMPTY_BODY_SHA256,
  signRequest,
  stringToSign,
} from "../../../src/core/client/signer";
import { huaweiAuthorization } from "./support/huaweiAkskSigner.js";

// Where Huawei's Node AKSKSigner (3.1.211) signs differently from the reference algorithm, Huawei's Go and Python
// SDKs, and signRequest. Each case pins both sides: if AKSKSigner changes, a case fails, and the restriction of
// support/agreed-domain.ts that avoids it can go.

const credentials = { accessKey: "AccessKey", secretKey: "SecretKey" };
const date = new Date("2024-01-02T03:04:05Z");
const sdkDate = "20240102T030405Z";

/** The Authorization for a canonical request built from `parts`: what a signer signing those parts sends. */
function authorizationOf(parts: CanonicalRequestParts): string {
  const hash = createHash("sha256").update(canonicalRequest(parts)).digest("hex");
  const signature = createHmac("sha256", credentials.secretKey).update(stringToSign(sdkDate, hash)).digest("hex");
  return `SDK-HMAC-SHA256 Access=${credentials.accessKey}, SignedHeaders=${parts.signedHeaders}, Signature=${signature}`;
}

function partsOf(url: URL, headers: Record<string, string>): CanonicalRequestParts {
  const { canonical, signedHeaders } = canonicalHeaders({ host: url.host, "x-sdk-date": sdkDate, ...headers });
  return {
    method: "GET",
    canonicalUri: canonicalUri(url.pathname),
    canonicalQuery: canonicalQuery(url.searchParams),
    canonicalHeaders: canonical,
    signedHeaders,
    payloadHash: EMPTY_BODY_SHA256,
  };
}

function huawei(url: URL, headers: Record<string, string>, endpointForm: "string" | "pre-parsed" = "string") {
  return huaweiAuthorization({
    method: "GET",
    url,
    headers: { "X-Sdk-Date": sdkDate, ...headers },
    ...credentials,
    endpointForm,
  });
}

describe("AKSKSigner divergences", () => {
  // url.parse escapes some characters of the decoded path (AKSKSigner then encodes the "%" again), ends the path at
  // "?" and "#", turns "\" into "/", and trims the end of the string. Go escapes the raw segment and Python
  // re-quotes the unquoted path; both give signRequest's canonical URI.
  it.each([
    { segment: "a b", ours: "/v1/a%20b/", akskSigner: "/v1/a%2520b/" },
    { segment: "a{|}b", ours: "/v1/a%7B%7C%7Db/", akskSigner: "/v1/a%257B%257C%257Db/" },
    { segment: "a?b", ours: "/v1/a%3Fb/", akskSigner: "/v1/a/" },
    { segment: "a#b", ours: "/v1/a%23b/", akskSigner: "/v1/a/" },
    { segment: "a\\b", ours: "/v1/a%5Cb/", akskSigner: "/v1/a/b/" },
    { segment: "ab\u00a0", ours: "/v1/ab%C2%A0/", akskSigner: "/v1/ab/" },
  ])("path segment $segment: url.parse makes AKSKSigner sign $akskSigner", ({ segment, ours, akskSigner }) => {
    const url = new URL(`https://h.example/v1/${encodeURIComponent(segment)}`);
    const expected = signRequest({ method: "GET", url, headers: {} }, credentials, date).Authorization;

    expect(canonicalUri(url.pathname)).toBe(ours);
    expect(huawei(url, {})).toBe(authorizationOf({ ...partsOf(url, {}), canonicalUri: akskSigner }));
    expect(huawei(url, {})).not.toBe(expected);
    // Its encoder agrees once url.parse is out of the way.
    expect(huawei(url, {}, "pre-parsed")).toBe(expected);
  });

  // Go (sort.Strings on UTF-8) and Python (sorted) order by code point.
  it("query: AKSKSigner sorts by UTF-16 code unit, putting emoji before U+E000–U+FFFF", () => {
    const url = new URL("https://h.example/v1?%EF%BC%81=1&%F0%9F%98%80=2");
    expect(canonicalQuery(url.searchParams)).toBe("%EF%BC%81=1&%F0%9F%98%80=2");
    expect(huawei(url, {})).toBe(
      authorizationOf({ ...partsOf(url, {}), canonicalQuery: "%F0%9F%98%80=2&%EF%BC%81=1" }),
    );
  });

  it("header values: AKSKSigner signs them untrimmed; the reference, Go (TrimSpace) and Python (strip) trim", () => {
    const url = new URL("https://h.example/v1");
    const headers = { "x-project-id": " p1 " };
    expect(partsOf(url, headers).canonicalHeaders).toContain("x-project-id:p1\n");
    expect(huawei(url, headers)).toBe(
      authorizationOf({
        ...partsOf(url, headers),
        canonicalHeaders: `host:h.example\nx-project-id: p1 \nx-sdk-date:${sdkDate}\n`,
      }),
    );
  });

  it("content-type: AKSKSigner leaves multipart/form-data unsigned (axios adds the boundary after signing)", () => {
    const url = new URL("https://h.example/v1");
    const headers = { "content-type": "multipart/form-data; boundary=x" };
    expect(partsOf(url, headers).signedHeaders).toBe("content-type;host;x-sdk-date");
    expect(huawei(url, headers)).toBe(authorizationOf(partsOf(url, {})));
  });
});
