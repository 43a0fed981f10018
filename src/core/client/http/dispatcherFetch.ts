import { pipeline, type Readable, Transform, type TransformCallback } from "node:stream";
import zlib from "node:zlib";
import type { Dispatcher } from "undici";

/**
 * What an attempt hands ky's `beforeRequest` hook in its context besides the request: the connection side and the
 * attempt's own signal. The signal goes here rather than to ky's `signal` so that ky does not follow it with
 * `AbortSignal.any` on every request.
 */
export interface AttemptTransport {
  dispatcher: Dispatcher;
  attemptSignal: AbortSignal;
  /**
   * Set by dispatcherFetch: the answer's body, decoded, as the Node stream it arrives on (null when the answer has
   * none). The `Response` it returns carries no body of its own; the attempt reads this stream (boundedBody.ts).
   */
  answerBody?: Readable | null;
}

/**
 * What ky's `fetch` would do, called by the signing hook (requestJson.ts): the request ky built and the hook signed,
 * sent through undici's `Dispatcher.request` on this client's dispatcher (transport.ts), answered with a plain
 * `Response` for its status and headers, the body handed over beside it as a Node stream (`transport.answerBody`).
 *
 * Written here rather than passing Node's `fetch` (issues 22/23): for each request `fetch` builds a third `Request`
 * from ky's, follows its signal, and registers the `Request` and `Response` with finalization registries, which V8
 * clears only in full collections. That cost 0.15–0.2 ms of CPU per lookup and had every lookup's garbage promoted to the
 * old generation (the 10,000-instance readiness scan peaked above 200 MB of RSS). What `fetch` did and a JSON GET
 * needs is kept: the answer's `Content-Encoding` (gzip, deflate) decoded as it is read, redirects not followed,
 * failures rejected as `TypeError("fetch failed")` with the cause, as `fetch` rejects them (networkFailure.ts reads
 * the cause).
 */
export async function dispatcherFetch(
  request: Request,
  transport: AttemptTransport,
  attemptHeaders: Record<string, string>,
): Promise<Response> {
  const href = request.url;
  // `Request.url` is a serialized absolute URL: its origin ends at the first "/" after the scheme's "//".
  const pathStart = href.indexOf("/", href.indexOf("//") + 2);
  let answer: Dispatcher.ResponseData;
  try {
    answer = await transport.dispatcher.request({
      origin: href.slice(0, pathStart),
      path: href.slice(pathStart),
      method: request.method as Dispatcher.HttpMethod,
      headers: withRequestHeaders(attemptHeaders, request.headers),
      signal: transport.attemptSignal,
    });
  } catch (error) {
    throw new TypeError("fetch failed", { cause: error });
  }
  const { statusCode, statusText, headers } = answer;
  // Pairs, not a `Headers` built here: the `Response` constructor fills its own from them, validating each once.
  const headerPairs: [string, string][] = [];
  for (const name in headers) {
    const value = headers[name];
    if (Array.isArray(value)) for (const each of value) headerPairs.push([name, each]);
    else if (value !== undefined) headerPairs.push([name, value]);
  }
  const nullBody = NULL_BODY_STATUSES.has(statusCode) || request.method === "HEAD";
  // A body that fails before its reader listens (or one never read: a refused redirect, a timed-out attempt) must not
  // throw its error as an uncaught exception: the reader gets the error from its own listener.
  answer.body.on("error", () => undefined);
  if (nullBody) answer.body.destroy();
  // Not wrapped in a web stream for the Response: reading one costs a promise per chunk and another at its end, on
  // the path from an answer to the next request sent (issue 23), where the Node stream's events cost none.
  const inRange = statusCode >= 200 && statusCode <= 599;
  const response = new Response(null, {
    status: inRange ? statusCode : 500,
    statusText,
    headers: headerPairs,
  });
  transport.answerBody = nullBody ? null : decoded(answer.body, response.headers.get("content-encoding"));
  // `fetch` hands over an answer whose status is outside 200–599 as it is; Response's constructor refuses one, so
  // such an answer is built as a 500 and shows its own status, as it did through `fetch`.
  if (!inRange) Object.defineProperties(response, { status: { value: statusCode }, ok: { value: false } });
  return response;
}

/**
 * The attempt's headers (signed, set by the hook) and any other header the `Request` carries, as a plain object:
 * undici's proxy agent spreads the headers to add its own, which drops a `Headers`' entries. The hook's headers are
 * not copied into the `Request` and read back: `Headers` validates each name and value set, and sorts them to iterate.
 * ky puts no header of its own on this client's requests, so the loop has nothing to do.
 */
function withRequestHeaders(headers: Record<string, string>, requestHeaders: Headers): Record<string, string> {
  let merged: Record<string, string> | undefined;
  for (const [name, value] of requestHeaders) {
    merged ??= { ...headers };
    if (!Object.keys(headers).some((given) => given.toLowerCase() === name)) merged[name] = value;
  }
  return merged ?? headers;
}

/** Statuses whose answer has no body (Fetch standard's null body status); HEAD has none either. */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** `fetch` refuses more codings than this (a chain of decoders per answer is a resource to exhaust). */
const MAX_CODINGS = 5;

/**
 * The body decoded as `fetch` decodes it: codings undone last to first, gzip and deflate with the lenient flush
 * curl and browsers use; an unknown coding leaves the body as it came (requestJson.ts refuses those unread).
 */
function decoded(body: Readable, contentEncoding: string | null): Readable {
  const codings = contentEncoding === null ? [] : contentEncoding.toLowerCase().split(",");
  if (codings.length > MAX_CODINGS) {
    body.destroy();
    throw new TypeError("fetch failed", {
      cause: new Error(`too many content-encodings in response: ${codings.length}, maximum allowed is ${MAX_CODINGS}`),
    });
  }
  const decoders: Transform[] = [];
  for (let index = codings.length - 1; index >= 0; index -= 1) {
    const coding = (codings[index] as string).trim();
    if (coding === "gzip" || coding === "x-gzip") decoders.push(zlib.createGunzip(LENIENT));
    else if (coding === "deflate") decoders.push(new DeflateDecoder());
    else if (coding !== "identity" && coding !== "") {
      for (const decoder of decoders) decoder.destroy();
      return body;
    }
  }
  if (decoders.length === 0) return body;
  // A failure of any stage (a reset connection, corrupt gzip) errors the last, which the reader sees.
  return pipeline([body, ...decoders], () => undefined) as unknown as Readable;
}

const LENIENT: zlib.ZlibOptions = { flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH };

/**
 * `Content-Encoding: deflate` is zlib-wrapped by the standard and raw deflate from some servers: the first byte
 * tells which (a zlib header's low nibble is 8, method deflate), as `fetch` tells them apart.
 */
class DeflateDecoder extends Transform {
  private inflater: zlib.Inflate | zlib.InflateRaw | undefined;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    if (!this.inflater) {
      if (chunk.length === 0) {
        callback();
        return;
      }
      const inflater =
        ((chunk[0] as number) & 0x0f) === 0x08 ? zlib.createInflate(LENIENT) : zlib.createInflateRaw(LENIENT);
      // Paused while the reader has enough (resumed by _read): a bomb is inflated no faster than it is read.
      inflater.on("data", (data: Buffer) => {
        if (!this.push(data)) inflater.pause();
      });
      inflater.on("error", (error) => this.destroy(error));
      this.inflater = inflater;
    }
    this.inflater.write(chunk, callback);
  }

  override _read(size: number): void {
    this.inflater?.resume();
    super._read(size);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.inflater) {
      callback();
      return;
    }
    this.inflater.once("end", () => callback());
    this.inflater.end();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inflater?.destroy();
    callback(error);
  }
}
