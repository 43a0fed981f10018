import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type RequestToSign, signRequest } from "../../../src/core/client/signer";
import { AGREED_DOMAIN, PRE_PARSED_ENDPOINT_DOMAIN } from "./support/agreedDomain.js";
import { huaweiAuthorization } from "./support/huaweiAkskSigner.js";
import { type GeneratedRequest, generatedRequest } from "./support/requestArbitrary.js";

// fast-check prints the seed and path of a failing run; replay it with `{ seed, path, numRuns: 1000 }`.
const RUNS = { numRuns: 1000 };

function spell(name: string, style: GeneratedRequest["headerNameCase"]): string {
  return style === "lower" ? name.toLowerCase() : style === "upper" ? name.toUpperCase() : name;
}

/** `X-Sdk-Date` derived without formatSdkDate. */
function expectedSdkDate(date: Date): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  return (
    `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}` +
    `T${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`
  );
}

/** The request as our HTTP layer would hand it over, unsigned headers and a previous attempt's leftovers included. */
function requestToSign(request: GeneratedRequest): RequestToSign {
  const headers: Record<string, string> = { ...request.unsignedHeaders };
  if (request.staleSigning) {
    headers["X-Sdk-Date"] = "20000101T000000Z";
    headers.Authorization = "SDK-HMAC-SHA256 Access=OLD, SignedHeaders=host, Signature=00";
  }
  if (request.contentType !== undefined) headers["Content-Type"] = request.contentType;
  if (request.projectId !== undefined) headers["X-Project-Id"] = request.projectId;
  if (request.extraSignedHeader) headers[request.extraSignedHeader[0]] = request.extraSignedHeader[1];
  return {
    method: request.method,
    url: request.url,
    headers: Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [spell(name, request.headerNameCase), value]),
    ),
    body: request.body.sent,
  };
}

/** Exactly the headers AKSKSigner must sign besides host, named as HcClient and BaseCredentials name them. */
function huaweiHeaders(request: GeneratedRequest, sdkDate: string): Record<string, string> {
  const headers: Record<string, string> = { "X-Sdk-Date": sdkDate };
  if (request.contentType !== undefined) headers["content-type"] = request.contentType;
  if (request.projectId !== undefined) headers["X-Project-Id"] = request.projectId;
  if (request.securityToken !== undefined) headers["X-Security-Token"] = request.securityToken;
  if (request.extraSignedHeader) headers[request.extraSignedHeader[0]] = request.extraSignedHeader[1];
  return headers;
}

describe.each([
  { endpointForm: "string", domain: AGREED_DOMAIN, how: "given the endpoint as a string, as HcClient does" },
  { endpointForm: "pre-parsed", domain: PRE_PARSED_ENDPOINT_DOMAIN, how: "given a pre-parsed endpoint (no url.parse)" },
] as const)("signRequest against Huawei's AKSKSigner $how", ({ endpointForm, domain }) => {
  it("computes the same Authorization for 1,000 generated requests", () => {
    fc.assert(
      fc.property(generatedRequest(domain), (request) => {
        const credentials = {
          accessKey: request.accessKey,
          secretKey: request.secretKey,
          securityToken: request.securityToken,
        };
        const signedHeaderNames = request.extraSignedHeader ? [request.extraSignedHeader[0]] : [];
        const ours = signRequest(requestToSign(request), credentials, request.date, { signedHeaderNames });

        expect(ours["X-Sdk-Date"]).toBe(expectedSdkDate(request.date));
        expect(ours["X-Security-Token"]).toBe(request.securityToken);
        const theirs = huaweiAuthorization({
          method: request.method,
          url: request.url,
          headers: huaweiHeaders(request, ours["X-Sdk-Date"]),
          data: request.body.data,
          accessKey: request.accessKey,
          secretKey: request.secretKey,
          endpointForm,
        });
        expect(ours.Authorization).toBe(theirs);
      }),
      RUNS,
    );
  });
});
