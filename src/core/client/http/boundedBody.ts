import type { Readable } from "node:stream";

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
 * The body as text, counted in decoded bytes as it arrives, within the attempt's deadline: past `maxBytes` the stream
 * is destroyed and nothing more is read or decoded, so a decompression bomb or an endless page costs at most
 * `maxBytes` of memory. A declared `Content-Length` over the cap is refused before reading. A failure of the stream
 * (a reset connection, corrupt gzip) rejects with the stream's own error.
 *
 * Read from the Node stream's events rather than a web `ReadableStream`'s reader: no promise per chunk, one when the
 * body ends; this runs between an answer's last byte and the release of its slot to the next request (issue 23).
 */
export async function readBoundedBody(
  body: Readable | null,
  headers: Headers,
  maxBytes: number,
  within: WithinDeadline,
): Promise<BodyRead> {
  if (body === null) return { kind: "text", text: "" };
  const declared = Number(headers.get("content-length"));
  if (headers.get("content-encoding") === null && declared > maxBytes) {
    body.destroy();
    return { kind: "tooLarge", readBytes: 0 };
  }
  try {
    return await within(collected(body, maxBytes));
  } catch (error) {
    body.destroy();
    throw error;
  }
}

function collected(body: Readable, maxBytes: number): Promise<BodyRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        body.off("data", onData);
        body.destroy();
        resolve({ kind: "tooLarge", readBytes: size });
        return;
      }
      chunks.push(chunk);
    };
    body.on("data", onData);
    body.once("end", () => {
      const bytes = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size);
      resolve({ kind: "text", text: decoder.decode(bytes) });
    });
    body.once("error", reject);
  });
}

const decoder = new TextDecoder();
