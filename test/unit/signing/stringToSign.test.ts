import { describe, expect, it } from "vitest";
import { canonicalRequest, stringToSign } from "../../../src/core/client/signer";

describe("canonicalRequest and stringToSign", () => {
  it("join their parts with newlines, the canonical headers leaving an empty line", () => {
    expect(
      canonicalRequest({
        method: "GET",
        canonicalUri: "/v3/projects/",
        canonicalQuery: "name=eu-west-101",
        canonicalHeaders: "host:iam.myhuaweicloud.com\nx-sdk-date:20191115T033655Z\n",
        signedHeaders: "host;x-sdk-date",
        payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      }),
    ).toBe(
      "GET\n/v3/projects/\nname=eu-west-101\nhost:iam.myhuaweicloud.com\nx-sdk-date:20191115T033655Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
  });

  it("reproduces the string to sign of the official signing guide", () => {
    expect(stringToSign("20191115T033655Z", "b25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a")).toBe(
      "SDK-HMAC-SHA256\n20191115T033655Z\nb25362e603ee30f4f25e7858e8a7160fd36e803bb2dfe206278659d71a9bcd7a",
    );
  });
});
