import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildCanonicalRequest, signCanonical, signRequest } from "../../../src/core/client/signer";
import { SIGNING_VECTORS } from "./fixtures/vectors.js";

const sha256Hex = (text: string) => createHash("sha256").update(text).digest("hex");

describe("published SDK-HMAC-SHA256 vectors", () => {
  for (const vector of SIGNING_VECTORS) {
    const credentials = { accessKey: vector.accessKey, secretKey: vector.secretKey };

    it(`${vector.name}: signCanonical signs exactly the vector's headers`, () => {
      const request = {
        method: vector.method,
        url: new URL(vector.url),
        headers: vector.signedHeaders,
        body: vector.body,
      };
      expect(signCanonical(request, credentials, vector.sdkDate).authorization).toBe(vector.authorization);
    });

    const { viaSignRequest } = vector;
    if (viaSignRequest) {
      it(`${vector.name}: signRequest`, () => {
        const request = {
          method: vector.method,
          url: new URL(vector.url),
          headers: viaSignRequest.headers,
          body: vector.body,
        };
        const date = new Date(viaSignRequest.date);
        expect(signRequest(request, credentials, date)).toEqual({
          "X-Sdk-Date": vector.sdkDate,
          Authorization: vector.authorization,
        });
        if (viaSignRequest.canonicalRequestSha256) {
          expect(sha256Hex(buildCanonicalRequest(request, credentials, date))).toBe(
            viaSignRequest.canonicalRequestSha256,
          );
        }
      });
    }
  }
});
