/** Splits a string around its `%XX` escapes: the escapes land at the odd indexes. */
const AROUND_ESCAPES = /(%[0-9A-Fa-f]{2})/;

/**
 * Decodes `%XX` escapes to bytes and everything else to its UTF-8 bytes. A `%` not followed by two hex digits
 * stays as it is (WHATWG URL percent-decode), so even a malformed path has a canonical form.
 */
export function percentDecode(text: string): Uint8Array {
  const chunks = text
    .split(AROUND_ESCAPES)
    .map((chunk, index) =>
      index % 2 === 1 ? Uint8Array.of(Number.parseInt(chunk.slice(1), 16)) : Buffer.from(chunk, "utf8"),
    );
  return Buffer.concat(chunks);
}
