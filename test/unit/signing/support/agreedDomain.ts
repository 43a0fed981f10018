import fc from "fast-check";

/**
 * Where signRequest and Huawei's AKSKSigner are expected to agree. Each restriction names an AKSKSigner divergence
 * from the reference algorithm (and from Huawei's Go and Python SDKs), pinned in aksk-signer.divergences.test.ts.
 * Widen a restriction only when that test shows AKSKSigner changed.
 */
export interface SigningDomain {
  pathCharacter(character: string): boolean;
  decodedPath(path: string): boolean;
  queryCharacter(character: string): boolean;
  headerValue(value: string): boolean;
  contentType(value: string): boolean;
}

/**
 * `url.parse` auto-escapes these to `%XX` — which AKSKSigner then encodes again, signing a space as `%2520` — or,
 * for `\`, turns them into `/`; `?` and `#` end its path.
 */
const URL_PARSE_MANGLED_PATH_CHARACTERS: readonly string[] = [
  "\t",
  "\n",
  "\r",
  " ",
  '"',
  "'",
  "<",
  ">",
  "\\",
  "^",
  "`",
  "{",
  "|",
  "}",
  "?",
  "#",
];

/** `url.parse` trims C0 controls, space, U+00A0 and U+FEFF from the end of the endpoint string. */
function urlParseTrims(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0xfeff;
}

/** U+E000–U+FFFF: AKSKSigner sorts them after characters above U+FFFF (UTF-16 order); code point order, before. */
const SORTED_DIFFERENTLY_FROM_ASTRAL = /^[\ue000-\uffff]$/;

/** The domain of AKSKSigner called as HcClient calls it: with the endpoint as a string. */
export const AGREED_DOMAIN: SigningDomain = {
  pathCharacter: (character) => !URL_PARSE_MANGLED_PATH_CHARACTERS.includes(character),
  decodedPath: (path) => !urlParseTrims(path.charCodeAt(path.length - 1)),
  queryCharacter: (character) => !SORTED_DIFFERENTLY_FROM_ASTRAL.test(character),
  // AKSKSigner signs header values untrimmed; the reference, Go, Python and HTTP clients trim them.
  headerValue: (value) => value === value.trim(),
  // AKSKSigner leaves a multipart/form-data content-type unsigned, as axios sets its boundary after signing.
  contentType: (value) => !value.includes("multipart/form-data"),
};

/** AKSKSigner given a pre-parsed endpoint, which skips `url.parse`: every path agrees. */
export const PRE_PARSED_ENDPOINT_DOMAIN: SigningDomain = {
  ...AGREED_DOMAIN,
  pathCharacter: () => true,
  decodedPath: () => true,
};

const codePoint = (min: number, max: number) => fc.integer({ min, max }).map((point) => String.fromCodePoint(point));

/**
 * One character of any kind: the reserved characters that matter most, all of ASCII (controls included), the rest
 * of the BMP below the surrogates with CJK weighted up, U+E000–U+FFFF, emoji and other characters above U+FFFF.
 */
export const anyCharacter = fc.oneof(
  { arbitrary: fc.constantFrom(" ", "/", "?", "#", "%", "+", "=", "&", ";", ".", "~"), weight: 3 },
  { arbitrary: codePoint(0x00, 0x7f), weight: 3 },
  { arbitrary: codePoint(0x80, 0xd7ff), weight: 1 },
  { arbitrary: codePoint(0x4e00, 0x9fff), weight: 1 },
  { arbitrary: codePoint(0xe000, 0xffff), weight: 1 },
  { arbitrary: codePoint(0x1f300, 0x1faff), weight: 1 },
  { arbitrary: codePoint(0x10000, 0x10ffff), weight: 1 },
);
