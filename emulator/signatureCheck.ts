import { timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseAuthorization } from "./authorizationHeader";
import { expectedSignature, payloadHash, type SignatureParts, signatureParts } from "./canonicalRequest";
import { type WireError, wireErrors } from "./errors";
import type { RequestTarget } from "./requestTarget";
import { formatSdkDate, parseSdkDate } from "./sdkDate";
import type { EmulatorCredential } from "./types";

export interface SignatureCheckInput {
  readonly method: string;
  readonly target: RequestTarget;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  /** The server clock, epoch ms. */
  readonly now: number;
  readonly maxClockSkewMs: number;
}

export type SignatureCheck =
  | { readonly ok: true; readonly signedHeaders: string[] }
  | {
      readonly ok: false;
      readonly error: WireError;
      readonly vars?: Record<string, string>;
      readonly signedHeaders?: string[];
      /** Why, in plain words, for the `X-Emulator-Reason` header. */
      readonly reason: string;
      /** What the server hashed, for the `X-Emulator-Canonical-Request` header. */
      readonly parts?: SignatureParts;
    };

/**
 * The one header the gateway requires among the signed ones (Huawei's signing guide): the official Go SDK signs
 * neither `host` nor `content-type`, and the gateway accepts it. Every header that *is* signed must match what was sent.
 */
const MUST_SIGN = "x-sdk-date";

function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

/** Verifies an SDK-HMAC-SHA256 request the way the API gateway does, failing with the gateway's error for each case. */
export function checkSignature(
  input: SignatureCheckInput,
  credentials: ReadonlyMap<string, EmulatorCredential>,
): SignatureCheck {
  const { headers } = input;
  const authorization = headerValue(headers, "authorization");
  if (authorization === undefined) {
    return headers["x-auth-token"] === undefined
      ? { ok: false, error: wireErrors.authMissing, reason: "no Authorization header" }
      : { ok: false, error: wireErrors.tokenInvalid, reason: "the emulator accepts AK/SK signatures only" };
  }
  const parsed = parseAuthorization(authorization);
  if (!parsed) {
    return {
      ok: false,
      error: wireErrors.signatureMismatch,
      reason: "Authorization is not SDK-HMAC-SHA256 Access=..., SignedHeaders=..., Signature=...",
    };
  }
  const signedHeaders = parsed.signedHeaders;
  const credential = credentials.get(parsed.accessKey);
  // Issue 20: a temporary credential this emulator issued is accepted until it expires.
  if (!credential || (credential.expiresAt !== undefined && input.now >= credential.expiresAt)) {
    return {
      ok: false,
      error: wireErrors.unknownAccessKey,
      vars: { ak: parsed.accessKey },
      signedHeaders,
      reason: "unknown access key",
    };
  }
  const sdkDate = headerValue(headers, "x-sdk-date") ?? "";
  const signedAt = parseSdkDate(sdkDate);
  if (signedAt === undefined) {
    return {
      ok: false,
      error: wireErrors.signatureMismatch,
      signedHeaders,
      reason: "X-Sdk-Date is missing or not YYYYMMDDTHHMMSSZ",
    };
  }
  if (Math.abs(input.now - signedAt) > input.maxClockSkewMs) {
    const vars = { signed: sdkDate, server: formatSdkDate(input.now) };
    return {
      ok: false,
      error: wireErrors.signatureExpired,
      vars,
      signedHeaders,
      reason: "X-Sdk-Date is too far from the server clock",
    };
  }

  const names = signedHeaders.map((n) => n.toLowerCase());
  const signedValues: Record<string, string> = {};
  for (const name of names) signedValues[name] = headerValue(headers, name) ?? "";
  const parts = signatureParts(
    {
      method: input.method,
      decodedPath: input.target.decodedPath,
      query: input.target.query,
      signedHeaders: signedValues,
      payloadHash: headerValue(headers, "x-sdk-content-sha256") ?? payloadHash(input.body),
    },
    sdkDate,
  );
  const fail = (reason: string): SignatureCheck => ({
    ok: false,
    error: wireErrors.signatureMismatch,
    signedHeaders,
    reason,
    parts,
  });

  const unsent = names.find((n) => headers[n] === undefined);
  if (unsent) return fail(`signed header ${unsent} was not sent`);
  if (!names.includes(MUST_SIGN)) return fail(`header ${MUST_SIGN} must be signed`);
  const token = headerValue(headers, "x-security-token");
  if (credential.securityToken !== token) {
    return fail(
      credential.securityToken === undefined
        ? "X-Security-Token sent with a permanent access key"
        : "a temporary access key needs its X-Security-Token",
    );
  }

  const expected = Buffer.from(expectedSignature(credential.secretKey, parts.stringToSign));
  const received = Buffer.from(parsed.signature);
  if (expected.length !== received.length || !timingSafeEqual(expected, received)) return fail("signature mismatch");
  return { ok: true, signedHeaders };
}
