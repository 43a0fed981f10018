/** A deadline every awaited phase of an attempt races: rejects with {@link TIMED_OUT} once the attempt's timer fires. */
export type WithinDeadline = <T>(work: Promise<T>) => Promise<T>;

/** What a phase raced against the attempt's timer rejects with when the timer wins. */
export const TIMED_OUT: unique symbol = Symbol("attempt timed out");

/** The encodings the client asks for (`Accept-Encoding`), which fetch decodes; any other is refused unread. */
export const ACCEPT_ENCODING = "gzip, deflate";
const ACCEPTED = new Set(["identity", "gzip", "x-gzip", "deflate"]);

/** The `Content-Encoding` of an answer when it is one the client did not ask for (`br`, `zstd`, …), else undefined. */
export function unaskedEncoding(contentEncoding: string | null): string | undefined {
  if (contentEncoding === null) return undefined;
  const codings = contentEncoding.split(",").map((coding) => coding.trim().toLowerCase());
  return codings.every((coding) => coding === "" || ACCEPTED.has(coding)) ? undefined : contentEncoding;
}

export type BodyRead = { kind: "text"; text: string } | { kind: "tooLarge"; readBytes: number };

/**
 * The body as text, read chunk by chunk and counted in decoded bytes, each chunk within the attempt's deadline: past
 * `maxBytes` the stream is cancelled and nothing more is read or decoded, so a decompression bomb or an endless page
 * costs at most `maxBytes` of memory. A declared `Content-Length` over the cap is refused before reading.
 */
export async function readBoundedBody(response: Response, maxBytes: number, within: WithinDeadline): Promise<BodyRead> {
  const body = response.body;
  if (body === null) return { kind: "text", text: "" };
  const declared = Number(response.headers.get("content-length"));
  if (response.headers.get("content-encoding") === null && declared > maxBytes) {
    body.cancel().catch(() => undefined);
    return { kind: "tooLarge", readBytes: 0 };
  }
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await within(reader.read());
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        reader.cancel().catch(() => undefined);
        return { kind: "tooLarge", readBytes: size };
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => undefined);
    throw error;
  }
  const bytes = chunks.length === 1 ? (chunks[0] as Uint8Array) : Buffer.concat(chunks, size);
  return { kind: "text", text: decoder.decode(bytes) };
}

const decoder = new TextDecoder();
