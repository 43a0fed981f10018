import { createHash, createHmac } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  buildCanonicalRequest,
  type RequestToSign,
  type SigningCredentials,
  signRequest,
} from "../../../src/core/client/signer";

const credentials: SigningCredentials = { accessKey: "AK1234567890", secretKey: "not-a-real-secret-Sk" };
const date = new Date("2024-02-29T23:59:59.500Z");

function request(
  headers: Record<string, string>,
  url = "https://rds.eu-west-101.myhuaweicloud.eu/v3/p1/instances",
): RequestToSign {
  return { method: "GET", url: new URL(url), headers };
}

/** The canonical header lines of the canonical request signRequest signs. */
function signedHeaderLines(canonical: string): string[] {
  return canonical.split("\n").slice(3, -3);
}

describe("signRequest", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("signs host from the URL and x-sdk-date, plus content-type, x-project-id and x-security-token when sent", () => {
    const sent = request({ "CONTENT-TYPE": "application/json", "x-Project-ID": "p1", "User-Agent": "unsigned/1.0" });
    const tokenCredentials = { ...credentials, securityToken: "token-123" };
    expect(signedHeaderLines(buildCanonicalRequest(sent, tokenCredentials, date))).toEqual([
      "content-type:application/json",
      "host:rds.eu-west-101.myhuaweicloud.eu",
      "x-project-id:p1",
      "x-sdk-date:20240229T235959Z",
      "x-security-token:token-123",
    ]);
    expect(signRequest(sent, tokenCredentials, date).Authorization).toContain(
      "SignedHeaders=content-type;host;x-project-id;x-sdk-date;x-security-token,",
    );
  });

  it("takes host from the URL as clients send it: default port dropped, others kept, a Host header ignored", () => {
    expect(
      signedHeaderLines(buildCanonicalRequest(request({ Host: "other" }, "https://h.example:443/"), {}, date)),
    ).toContain("host:h.example");
    expect(signedHeaderLines(buildCanonicalRequest(request({}, "https://h.example:8443/"), {}, date))).toContain(
      "host:h.example:8443",
    );
  });

  it("returns X-Sdk-Date and Authorization, and X-Security-Token only when the credentials carry one", () => {
    const plain = signRequest(request({}), credentials, date);
    expect(Object.keys(plain)).toEqual(["X-Sdk-Date", "Authorization"]);
    expect(plain["X-Sdk-Date"]).toBe("20240229T235959Z");
    expect(plain.Authorization).toMatch(
      /^SDK-HMAC-SHA256 Access=AK1234567890, SignedHeaders=host;x-sdk-date, Signature=[0-9a-f]{64}$/,
    );
    expect(signRequest(request({}), { ...credentials, securityToken: "t" }, date)["X-Security-Token"]).toBe("t");
  });

  it("signs a retried request like a fresh one: the previous date, token and signature are replaced", () => {
    const tokenCredentials = { ...credentials, securityToken: "new-token" };
    const first = signRequest(request({ "Content-Type": "application/json" }), tokenCredentials, date);
    const retried = request({
      "Content-Type": "application/json",
      "x-sdk-date": "20000101T000000Z",
      "x-security-token": "old-token",
      authorization: "SDK-HMAC-SHA256 Access=AK1234567890, SignedHeaders=host, Signature=00",
    });
    expect(signRequest(retried, tokenCredentials, date)).toEqual(first);
  });

  it("signs a sent x-security-token when the credentials carry none", () => {
    expect(signedHeaderLines(buildCanonicalRequest(request({ "X-Security-Token": "sent" }), {}, date))).toContain(
      "x-security-token:sent",
    );
  });

  it("signs the sent headers named in signedHeaderNames, and refuses names the request does not send", () => {
    const sent = request({ "X-Request-Id": "r-1", "X-Other": "unsigned" });
    expect(signedHeaderLines(buildCanonicalRequest(sent, {}, date, { signedHeaderNames: ["x-request-ID"] }))).toEqual([
      "host:rds.eu-west-101.myhuaweicloud.eu",
      "x-request-id:r-1",
      "x-sdk-date:20240229T235959Z",
    ]);
    expect(() => signRequest(sent, credentials, date, { signedHeaderNames: ["X-Missing"] })).toThrow(
      new TypeError('Cannot sign header "x-missing": the request does not send it'),
    );
  });

  it("refuses to sign authorization, even when a previous attempt left one", () => {
    const retried = request({ Authorization: "SDK-HMAC-SHA256 Access=AK1234567890, SignedHeaders=host, Signature=00" });
    expect(() => signRequest(retried, credentials, date, { signedHeaderNames: ["Authorization"] })).toThrow(
      new TypeError('Cannot sign header "authorization": it carries the signature'),
    );
  });

  it("never reads the clock: the same arguments sign the same at any time", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2001-01-01T00:00:00Z"));
    const early = signRequest(request({}), credentials, date);
    vi.setSystemTime(new Date("2099-12-31T00:00:00Z"));
    expect(signRequest(request({}), credentials, date)).toEqual(early);
  });
});

describe("buildCanonicalRequest", () => {
  it("is the canonical request signRequest signs, and holds no secret key", () => {
    const sent: RequestToSign = { ...request({ "Content-Type": "application/json" }), method: "POST", body: "{}" };
    const canonical = buildCanonicalRequest(sent, credentials, date);
    expect(canonical).not.toContain(credentials.secretKey);

    const hash = createHash("sha256").update(canonical).digest("hex");
    const signature = createHmac("sha256", credentials.secretKey)
      .update(`SDK-HMAC-SHA256\n20240229T235959Z\n${hash}`)
      .digest("hex");
    expect(signRequest(sent, credentials, date).Authorization).toMatch(new RegExp(`Signature=${signature}$`));
  });
});
