import { execFile } from "node:child_process";
import { once } from "node:events";
import fs from "node:fs";
import type { ServerResponse } from "node:http";
import path from "node:path";
import {
  constants,
  createBrotliCompress,
  createDeflate,
  createDeflateRaw,
  createGzip,
  deflateRawSync,
  deflateSync,
  gzipSync,
} from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { startTestServer } from "../support/testServer";

// Answers that cost memory or time, served as in the table (a bomb, a 50 MB page, a trickle), to the built
// product in a fresh process that reports its peak memory above its own baseline (test/support/hostileProbe.cjs).
const probe = path.join(__dirname, "..", "support", "hostileProbe.cjs");
const instanceId = "0123456789abcdef0123456789abcdefin01";
const server = await startTestServer();
const MB = 2 ** 20;

beforeAll(() => {
  const built = path.join(__dirname, "..", "..", "dist", "core", "dataSources", "getOffsiteRestoreTimeRanges.js");
  if (!fs.existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first`);
});

interface ProbeResult {
  ok: boolean;
  errorCode?: string;
  attempts?: number;
  message?: string;
  elapsedMs: number;
  growthMb: number;
}

function runProbe(stackConfig: Record<string, string> = {}, allocate = false): Promise<ProbeResult> {
  const env = {
    HW_ACCESS_KEY: "HOSTILEPROBEACCESSKEY",
    HW_SECRET_KEY: "HostileProbeSecretKey",
    HW_REGION_NAME: "ap-southeast-1",
    HW_PROJECT_ID: "0123456789abcdef0123456789abcdef",
    HW_RDS_ENDPOINT: server.url,
    HW_MAX_RETRIES: "0",
  };
  const input = JSON.stringify({ env, stackConfig, instanceId, allocate });
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--expose-gc", probe, input], { timeout: 120_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(JSON.parse(stdout) as ProbeResult);
    });
  });
}

/** `mb` megabytes of zeros through a compressor, streamed (the test process never holds them). */
async function bomb(compressor: NodeJS.ReadWriteStream, mb: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  compressor.on("data", (chunk: Buffer) => chunks.push(chunk));
  const zeros = Buffer.alloc(MB);
  for (let index = 0; index < mb; index += 1) {
    if (!compressor.write(zeros)) await once(compressor, "drain");
  }
  compressor.end();
  await once(compressor, "end");
  return Buffer.concat(chunks);
}

function sendBody(res: ServerResponse, headers: Record<string, string | number>, body: Buffer) {
  res.writeHead(200, { "Content-Type": "application/json", ...headers });
  res.end(body);
}

describe("bodies are read against a cap on decoded bytes", () => {
  it("refuses a gzip answer inflating to 200 MB after 8 MiB, within 100 MB of memory", async () => {
    const gzipBomb = await bomb(createGzip({ level: 9 }), 200);
    expect(gzipBomb.length).toBeLessThan(300 * 1024);
    server.handle((_req, res) =>
      sendBody(res, { "Content-Encoding": "gzip", "Content-Length": gzipBomb.length }, gzipBomb),
    );
    const result = await runProbe();
    expect(result).toMatchObject({ ok: false, errorCode: "CLIENT.BadResponse", attempts: 1 });
    expect(result.message).toContain("the answer is larger than maxResponseBytes (8388608 bytes decoded)");
    expect(result.growthMb).toBeLessThan(100);
  });

  it.each([
    ["zlib-wrapped", () => createDeflate({ level: 9 })],
    ["raw", () => createDeflateRaw({ level: 9 })],
  ])("refuses a deflate (%s) answer inflating to 200 MB after 8 MiB, within 100 MB of memory", async (_, compressor) => {
    const deflateBomb = await bomb(compressor(), 200);
    expect(deflateBomb.length).toBeLessThan(300 * 1024);
    server.handle((_req, res) =>
      sendBody(res, { "Content-Encoding": "deflate", "Content-Length": deflateBomb.length }, deflateBomb),
    );
    const result = await runProbe();
    expect(result).toMatchObject({ ok: false, errorCode: "CLIENT.BadResponse", attempts: 1 });
    expect(result.message).toContain("the answer is larger than maxResponseBytes (8388608 bytes decoded)");
    expect(result.growthMb).toBeLessThan(100);
  });

  it("refuses a brotli answer it never asked for, unread, within 100 MB of memory", async () => {
    const brotliBomb = await bomb(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), 200);
    expect(brotliBomb.length).toBeLessThan(64 * 1024);
    server.handle((req, res) => {
      expect(req.headers["accept-encoding"]).toBe("gzip, deflate");
      sendBody(res, { "Content-Encoding": "br", "Content-Length": brotliBomb.length }, brotliBomb);
    });
    const result = await runProbe();
    expect(result).toMatchObject({ ok: false, errorCode: "CLIENT.BadResponse", attempts: 1 });
    expect(result.message).toContain(
      'the answer is encoded as "br", which was not asked for (Accept-Encoding: gzip, deflate); it was not read',
    );
    expect(result.growthMb).toBeLessThan(100);
  });

  it.each([
    ["with", true],
    ["without", false],
  ])("refuses a 50 MB HTML page (200, %s Content-Length) naming the cap, within 100 MB of memory", async (_, declared) => {
    const chunk = Buffer.from(`<html><body>${"<p>gateway page</p>".repeat(3_000)}</body></html>\n`);
    const count = Math.ceil((50 * MB) / chunk.length);
    server.handle(async (_req, res) => {
      res.writeHead(200, {
        "Content-Type": "text/html",
        ...(declared ? { "Content-Length": chunk.length * count } : {}),
      });
      for (let index = 0; index < count && !res.destroyed; index += 1) {
        if (!res.write(chunk)) await Promise.race([once(res, "drain"), once(res, "close")]);
      }
      res.end();
    });
    const result = await runProbe({ maxResponseBytes: String(4 * MB) });
    expect(result).toMatchObject({ ok: false, errorCode: "CLIENT.BadResponse", attempts: 1 });
    expect(result.message).toContain("the answer is larger than maxResponseBytes (4194304 bytes decoded)");
    expect(result.message?.length).toBeLessThan(1_000);
    expect(result.growthMb).toBeLessThan(100);
  });

  it("still reads an ordinary answer whole (gzip, as asked)", async () => {
    const text = JSON.stringify({ restore_time: [{ start_time: 1_700_000_000_000, end_time: 1_700_000_600_000 }] });
    const gzipped = await new Promise<Buffer>((resolve) => {
      const gzip = createGzip();
      const chunks: Buffer[] = [];
      gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
      gzip.on("end", () => resolve(Buffer.concat(chunks)));
      gzip.end(text);
    });
    server.handle((_req, res) => sendBody(res, { "Content-Encoding": "gzip" }, gzipped));
    expect(await runProbe()).toMatchObject({ ok: true });
  });

  it.each([
    ["deflate (zlib-wrapped)", "deflate", (text: string) => deflateSync(text)],
    ["deflate (raw, as some servers send it)", "deflate", (text: string) => deflateRawSync(text)],
    ["gzip, then deflate", "gzip, deflate", (text: string) => deflateSync(gzipSync(text))],
  ])("reads an ordinary answer encoded %s whole", async (_, encoding, encode) => {
    const text = JSON.stringify({ restore_time: [{ start_time: 1_700_000_000_000, end_time: 1_700_000_600_000 }] });
    server.handle((_req, res) => sendBody(res, { "Content-Encoding": encoding }, encode(text)));
    expect(await runProbe()).toMatchObject({ ok: true, ranges: 1 });
  });
});

describe("deadlines hold whatever the server does", () => {
  const trickle = () =>
    server.handle((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const timer = setInterval(() => {
        if (res.destroyed) clearInterval(timer);
        else res.write(" ");
      }, 100);
      res.on("close", () => clearInterval(timer));
    });

  it.each([
    ["an idle process", false],
    ["a process busy allocating", true],
  ])("ends a call whose body trickles a byte at a time within the total timeout + 1 s, in %s", async (_, allocate) => {
    trickle();
    const totalTimeoutMs = 3_000;
    const result = await runProbe(
      { attemptTimeoutMs: "1000", totalTimeoutMs: String(totalTimeoutMs), maxRetries: "5", retryBaseDelayMs: "100" },
      allocate,
    );
    expect(result).toMatchObject({ ok: false, errorCode: "CLIENT.Timeout" });
    expect(result.attempts).toBeGreaterThanOrEqual(2);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(totalTimeoutMs - 100);
    expect(result.elapsedMs).toBeLessThan(totalTimeoutMs + 1_000);
    // Memory is bounded in the idle process only: the busy process's own churn (50,000 objects every 10 ms, collected)
    // peaks anywhere from 36 to 146 MB of RSS on Node 24 with no request at all (measured), so a bound there would
    // measure V8's heap sizing, not the client. What the busy case guards is the deadline above (nodejs/undici#3644).
    if (!allocate) expect(result.growthMb).toBeLessThan(100);
  });

  it("ends a call whose headers never come within the total timeout + 1 s", async () => {
    server.handle(() => undefined);
    const result = await runProbe({ attemptTimeoutMs: "1000", totalTimeoutMs: "2500", maxRetries: "5" }, true);
    expect(result).toMatchObject({ ok: false, errorCode: "CLIENT.Timeout" });
    expect(result.elapsedMs).toBeLessThan(2_500 + 1_000);
  });
});

describe("answers fetch hands over as they are", () => {
  it("a status outside 200–599 (999) fails as that status, not as a network failure", async () => {
    server.handle((_req, res) => {
      res.writeHead(999, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ error_code: "GW.999", error_msg: "odd gateway" }));
    });
    const result = await runProbe({ maxRetries: "2" });
    expect(result).toMatchObject({ ok: false, errorCode: "GW.999", attempts: 1 });
    expect(result.message).toContain("HTTP 999");
  });

  it("a 204 with no body is an answer that is not JSON, not a network failure", async () => {
    server.handle((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const result = await runProbe();
    expect(result).toMatchObject({ ok: false, errorCode: "CLIENT.BadResponse", attempts: 1 });
    expect(result.message).toContain("the response is not JSON");
  });
});
