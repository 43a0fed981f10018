import { once } from "node:events";
import type { Readable } from "node:stream";
import { setTimeout as wait } from "node:timers/promises";
import { createDeflate, createDeflateRaw, createGzip } from "node:zlib";
import { EnvHttpProxyAgent } from "undici";
import { afterAll, describe, expect, it } from "vitest";
import { type AttemptTransport, dispatcherFetch } from "../../src/core/client/http/dispatcherFetch";
import { startTestServer } from "../support/testServer";

// dispatcherFetch hands the answer's body over as the Node stream it arrives on (`transport.answerBody`, decoded), which
// does not flow while nobody reads it, so the connection is paused; and it inflates `deflate` no faster than it is read. The product's own reader (boundedBody.ts) takes every
// chunk as it comes, so through the query path nothing is ever waiting to be read: with both pauses removed,
// test/contract/hostileAnswers.test.ts still passes, with the same peak memory and the same bytes written by the server
// before the refusal (measured). What the pauses guard is a reader that stops: here, one that reads one chunk and then
// nothing, as a caller busy elsewhere would.
const MB = 2 ** 20;
const server = await startTestServer();
const dispatcher = new EnvHttpProxyAgent();
afterAll(() => dispatcher.close());

/** GET `path` of the test server through dispatcherFetch, as an attempt sends it; the answer's body stream. */
async function fetchBody(path: string): Promise<Readable> {
  const transport: AttemptTransport = { dispatcher, attemptSignal: new AbortController().signal };
  await dispatcherFetch(new Request(`${server.url}${path}`), transport, {});
  if (!transport.answerBody) throw new Error("dispatcherFetch handed over no body");
  return transport.answerBody;
}

/** Reads one chunk of `body`, then nothing more, as a reader busy elsewhere would. */
function firstChunk(body: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    body.once("error", reject);
    body.once("data", (chunk: Buffer) => {
      body.pause();
      resolve(chunk);
    });
  });
}

/** Waits until `done` holds, checking every 20 ms, for at most `ms` (the check, not the time, is what tests assert). */
async function until(done: () => boolean, ms: number): Promise<void> {
  for (let waited = 0; waited < ms && !done(); waited += 20) await wait(20);
}

/** `mb` megabytes of spaces through a compressor (a decompression bomb), compressed in memory. */
async function bomb(compressor: NodeJS.ReadWriteStream, mb: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  compressor.on("data", (chunk: Buffer) => chunks.push(chunk));
  const spaces = Buffer.alloc(MB, 0x20);
  for (let index = 0; index < mb; index += 1) {
    if (!compressor.write(spaces)) await once(compressor, "drain");
  }
  compressor.end();
  await once(compressor, "end");
  return Buffer.concat(chunks);
}

describe("a reader that stops reading", () => {
  it("stops a 256 MB answer at what the sockets hold: the server cannot write the rest", async () => {
    let written = 0;
    let blockedSince: number | undefined;
    server.handle(async (_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      while (written < 256 * MB && !res.destroyed) {
        written += chunk.length;
        if (res.write(chunk)) continue;
        blockedSince = Date.now();
        await new Promise((resolve) => {
          res.once("drain", resolve);
          res.once("close", resolve);
        });
        blockedSince = undefined;
      }
      res.end();
    });
    const body = await fetchBody("/large");
    expect((await firstChunk(body)).byteLength).toBeGreaterThan(0);

    // The server writes until the sockets between it and the unread chunk are full, then waits for them to drain:
    // without the pause the client keeps emptying them into memory, and the server writes on to the end.
    await until(() => written >= 256 * MB || (blockedSince !== undefined && Date.now() - blockedSince >= 500), 10_000);
    expect(written).toBeLessThan(32 * MB);
    body.destroy();
  });

  it.each([
    ["gzip", "gzip", () => createGzip({ level: 9 })],
    ["deflate (zlib-wrapped)", "deflate", () => createDeflate({ level: 9 })],
    ["deflate (raw)", "deflate", () => createDeflateRaw({ level: 9 })],
  ])("inflates a %s bomb of 128 MB no further than the chunk it handed over", async (_, encoding, compressor) => {
    const compressed = await bomb(compressor(), 128);
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json", "Content-Encoding": encoding });
      res.end(compressed);
    });
    const before = process.memoryUsage().arrayBuffers;
    const body = await fetchBody("/bomb");
    expect((await firstChunk(body)).byteLength).toBeGreaterThan(0);

    // Nobody reading, the inflater is paused with what it holds (well under 1 MB, measured). Inflating on instead fills
    // memory at zlib's speed: all 128 MB without the pause of the stream handed over, and a 64 KB network chunk's
    // worth of a bomb (about 64 MB) without the deflate decoder's own pause.
    const grown = () => process.memoryUsage().arrayBuffers - before;
    await until(() => grown() > 16 * MB, 1_000);
    expect(grown()).toBeLessThan(16 * MB);
    body.destroy();
  });
});
