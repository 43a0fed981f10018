import fc from "fast-check";
import { anyCharacter, type SigningDomain } from "./agreedDomain.js";

/** A request with everything either signer needs, generated within a {@link SigningDomain}. */
export interface GeneratedRequest {
  method: string;
  url: URL;
  /** How the request spells its header names. */
  headerNameCase: "lower" | "upper" | "title";
  contentType: string | undefined;
  projectId: string | undefined;
  /** A further header signed through `signedHeaderNames`. */
  extraSignedHeader: readonly [name: string, value: string] | undefined;
  unsignedHeaders: Record<string, string>;
  /** Whether the request still carries the date and signature of a previous attempt. */
  staleSigning: boolean;
  /** The body sent, and the value AKSKSigner serialises to the same bytes. */
  body: { sent?: string | Uint8Array; data?: object };
  accessKey: string;
  secretKey: string;
  securityToken: string | undefined;
  date: Date;
}

const printableAscii = fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code));
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

function urlArbitrary(domain: SigningDomain): fc.Arbitrary<URL> {
  const segment = fc.string({ unit: anyCharacter.filter(domain.pathCharacter), maxLength: 6 });
  const queryText = fc.string({ unit: anyCharacter.filter(domain.queryCharacter), maxLength: 6 });
  // A few fixed keys make repeated keys frequent.
  const queryKey = fc.oneof(fc.constantFrom("limit", "offset", "中文", "😀"), queryText);
  return fc
    .record({
      // Labels start with a letter: a last label like "12" or "0x" would be read as (part of) an IPv4 address.
      host: fc.stringMatching(/^[a-z][a-z0-9]{0,7}(\.[a-z][a-z0-9]{0,7}){0,2}$/),
      port: optional(fc.integer({ min: 1, max: 65535 })),
      segments: fc.array(segment, { maxLength: 4 }),
      trailingSlash: fc.boolean(),
      query: fc.array(fc.tuple(queryKey, queryText), { maxLength: 6 }),
    })
    .map(({ host, port, segments, trailingSlash, query }) => {
      const path = segments.map(encodeURIComponent).join("/") + (trailingSlash && segments.length > 0 ? "/" : "");
      const url = new URL(`https://${host}${port === undefined ? "" : `:${port}`}/${path}`);
      for (const [key, value] of query) {
        url.searchParams.append(key, value);
      }
      return url;
    })
    .filter((url) => domain.decodedPath(decodeURIComponent(url.pathname)));
}

const jsonData: fc.Arbitrary<object> = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
);

export function generatedRequest(domain: SigningDomain): fc.Arbitrary<GeneratedRequest> {
  const headerValue = fc.string({ unit: printableAscii, minLength: 1, maxLength: 24 }).filter(domain.headerValue);
  return fc.record({
    method: fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD"),
    url: urlArbitrary(domain),
    headerNameCase: fc.constantFrom("lower", "upper", "title"),
    contentType: optional(
      fc
        .constantFrom(
          "application/json",
          "application/json;charset=UTF-8",
          "text/plain; charset=utf-8",
          "multipart/form-data; boundary=x",
        )
        .filter(domain.contentType),
    ),
    projectId: optional(headerValue),
    extraSignedHeader: optional(fc.tuple(fc.constantFrom("X-Request-Id", "X-Language", "X-Client-Id"), headerValue)),
    unsignedHeaders: fc.dictionary(
      fc.constantFrom("User-Agent", "Accept", "X-Trace"),
      fc.string({ unit: printableAscii, maxLength: 20 }),
    ),
    staleSigning: fc.boolean(),
    body: fc.oneof(
      fc.constant({}),
      fc.constant({ sent: "" }),
      jsonData.map((data) => ({ sent: JSON.stringify(data), data })),
      jsonData.map((data) => ({ sent: new TextEncoder().encode(JSON.stringify(data)), data })),
    ),
    accessKey: fc.stringMatching(/^[A-Z0-9]{20}$/),
    secretKey: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }),
    securityToken: optional(headerValue),
    date: fc.date({
      min: new Date("1970-01-01T00:00:00.000Z"),
      max: new Date("9999-12-31T23:59:59.999Z"),
      noInvalidDate: true,
    }),
  });
}
