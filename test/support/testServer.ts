import { createServer, type IncomingHttpHeaders, type IncomingMessage, request, type ServerResponse } from "node:http";
import { afterAll } from "vitest";

/** A request as the test server saw it, headers included (this server exists to see what a client sends). */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void | Promise<void>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly requests: SeenRequest[];
  /** Answers every following request; the default answers 500. */
  handle(handler: Handler): void;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server whose every byte the test controls: it redirects, lies, stalls, resets and echoes, as a
 * broken or hostile endpoint would. Closed after the test file.
 */
export async function startTestServer(): Promise<TestServer> {
  let handler: Handler = (_req, res) => void res.writeHead(500).end();
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const seen = { method: req.method ?? "", url: req.url ?? "", headers: req.headers };
    requests.push(seen);
    Promise.resolve(handler(req, res, seen)).catch((error: unknown) => {
      console.error("test server handler failed:", error);
      res.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  afterAll(close);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    handle: (next) => {
      handler = next;
    },
    close,
  };
}

/** Answers `status` with `body` as JSON (a string as is) and extra headers. */
export function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const payload = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/** Passes the request on to `target` unchanged (Host included, so a signature stays valid) and relays the answer. */
export function forward(req: IncomingMessage, res: ServerResponse, target: string): void {
  const upstream = request(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on("error", () => res.destroy());
  req.pipe(upstream);
}
