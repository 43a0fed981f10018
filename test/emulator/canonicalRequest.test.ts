import { describe, expect, it } from "vitest";
import { expectedSignature, signatureParts } from "../../emulator/canonicalRequest";

// The emulator's verifier must reproduce the published vector independently of any client.
describe("the emulator's canonicalisation", () => {
  it("reproduces the official signing guide's test vector", () => {
    const parts = signatureParts(
      {
        method: "GET",
        decodedPath: "/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs",
        query: { marker: ["13551d6b-755d-4757-b956-536f674975c0"], limit: ["2"] },
        signedHeaders: {
          "content-type": "application/json",
          host: "service.region.example.com",
          "x-sdk-date": "20191115T033655Z",
        },
        payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      },
      "20191115T033655Z",
    );
    expect(expectedSignature("MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc", parts.stringToSign)).toBe(
      "7be6668032f70418fcc22abc52071e57aff61b84a1d2381bb430d6870f4f6ebe",
    );
  });

  it("encodes decoded segments and values once, sorts keys and repeated values", () => {
    const parts = signatureParts(
      {
        method: "GET",
        decodedPath: "/v3/p/instances/a b:c/offsite-restore-time",
        query: { z: ["2", "1"], a: ["x y"] },
        signedHeaders: { host: "h", "x-sdk-date": "20240101T000000Z" },
        payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
      },
      "20240101T000000Z",
    );
    expect(parts.canonicalRequest.split("\n").slice(0, 3)).toEqual([
      "GET",
      "/v3/p/instances/a%20b%3Ac/offsite-restore-time/",
      "a=x%20y&z=1&z=2",
    ]);
  });
});
