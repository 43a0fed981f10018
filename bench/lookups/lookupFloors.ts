import { Pool, request } from "undici";
import { type EmulatorTarget, product } from "../support/product";
import { RawHttpConnection } from "./rawHttp";

/**
 * One restore-range lookup with nothing but this project's signer, the HTTP call and `JSON.parse` (no ky, no
 * scheduler, no retries, no checks): `fetch` is the floor the product's client is held to, and undici's own `request`
 * API (no WHATWG Request/Response/streams) the runtime's lower floor.
 */
export function lookupFloor(target: EmulatorTarget, region: string, via: "fetch" | "undici") {
  const { signRequest } = product.signing();
  const projectId = target.projects[region] as string;
  return async (instanceId: string): Promise<unknown> => {
    const url = new URL(`/v3/${projectId}/instances/${instanceId}/offsite-restore-time`, target.url);
    const headers = { Accept: "application/json", "X-Project-Id": projectId };
    const signed = signRequest({ method: "GET", url, headers }, target.credentials, new Date());
    const all = { ...headers, ...signed };
    if (via === "fetch") {
      const response = await fetch(url, { headers: all });
      const text = await response.text();
      if (!response.ok) throw new Error(`fetch floor: ${response.status} ${text.slice(0, 200)}`);
      return JSON.parse(text);
    }
    const response = await request(url, { headers: all });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`undici floor: ${response.statusCode} ${text.slice(0, 200)}`);
    return JSON.parse(text);
  };
}

/** Runs `lookups` with at most `concurrency` in flight, as the product's limiter does. */
export async function inWaves<T>(ids: readonly string[], concurrency: number, one: (id: string) => Promise<T>) {
  let next = 0;
  const worker = async () => {
    while (next < ids.length) await one(ids[next++] as string);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** A floor client for the Go comparison: runs lookups with at most `concurrency` in flight, warm between runs. */
export interface FloorClient {
  run(instanceIds: readonly string[], concurrency: number): Promise<void>;
  close(): Promise<void>;
}

/** The signed request head of one GET, as the product signs it (the same signer, the same headers). */
function signedGet(target: EmulatorTarget, region: string) {
  const { signRequest } = product.signing();
  const projectId = target.projects[region];
  if (projectId === undefined) throw new Error(`the emulator has no project for ${region}`);
  return (pathAndQuery: string) => {
    const url = new URL(pathAndQuery, target.url);
    const headers = { Accept: "application/json", "X-Project-Id": projectId };
    return {
      url,
      headers: { ...headers, ...signRequest({ method: "GET", url, headers }, target.credentials, new Date()) },
    };
  };
}

const restoreTimePath = (target: EmulatorTarget, region: string, instanceId: string) =>
  `/v3/${target.projects[region]}/instances/${instanceId}/offsite-restore-time`;

/** undici's `request()` through its global dispatcher, `concurrency` awaiting loops: the floor of its public API. */
export function undiciRequestFloor(target: EmulatorTarget, region: string): FloorClient {
  const one = lookupFloor(target, region, "undici");
  return { run: (ids, concurrency) => inWaves(ids, concurrency, one), close: async () => {} };
}

/**
 * undici's lowest API: `Dispatcher.dispatch` on a pool of `connections`, with a raw handler (no body stream, no
 * promise per request) that sends the next request from `onComplete`, before parsing the answer it just completed.
 */
export function undiciDispatchFloor(target: EmulatorTarget, region: string, connections: number): FloorClient {
  const pool = new Pool(target.url, { connections });
  const sign = signedGet(target, region);
  const run = (ids: readonly string[], concurrency: number) =>
    new Promise<void>((resolve, reject) => {
      let next = 0;
      let answered = 0;
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      const launch = (instanceId: string) => {
        const path = restoreTimePath(target, region, instanceId);
        const { headers } = sign(path);
        const chunks: Buffer[] = [];
        let status = 0;
        pool.dispatch(
          { path, method: "GET", headers },
          {
            onConnect() {},
            onError: fail,
            onHeaders(statusCode) {
              status = statusCode;
              return true;
            },
            onData(chunk) {
              chunks.push(chunk);
              return true;
            },
            onComplete() {
              if (!failed && next < ids.length) launch(ids[next++] as string);
              const text = Buffer.concat(chunks).toString("utf8");
              if (status !== 200) {
                fail(new Error(`undici dispatch floor: ${status} ${JSON.stringify(text.slice(0, 200))}`));
                return;
              }
              JSON.parse(text);
              if (++answered === ids.length) resolve();
            },
          },
        );
      };
      if (ids.length === 0) resolve();
      while (next < Math.min(concurrency, ids.length)) launch(ids[next++] as string);
    });
  return { run, close: () => pool.close() };
}

/**
 * The hand-written HTTP/1.1 client (rawHttp.ts) on `sockets` kept-alive connections, one loop per connection: the
 * runtime's floor. `get` is there for the scan's listing pages.
 */
export function rawSocketFloor(target: EmulatorTarget, region: string, sockets: number) {
  const origin = new URL(target.url);
  const connections = Array.from(
    { length: sockets },
    () => new RawHttpConnection(origin.hostname, Number(origin.port)),
  );
  const sign = signedGet(target, region);
  const get = async (connection: RawHttpConnection, pathAndQuery: string): Promise<unknown> => {
    const { url, headers } = sign(pathAndQuery);
    let head = `GET ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n`;
    for (const [name, value] of Object.entries(headers)) head += `${name}: ${value}\r\n`;
    const answer = await connection.request(`${head}\r\n`);
    if (answer.status !== 200)
      throw new Error(`raw socket floor: ${answer.status} ${JSON.stringify(answer.body.slice(0, 200))}`);
    return JSON.parse(answer.body);
  };
  /** `items` through at most `concurrency` of the connections, each one request at a time. */
  const each = async <T>(items: readonly T[], concurrency: number, one: (c: RawHttpConnection, item: T) => unknown) => {
    let next = 0;
    const loop = async (connection: RawHttpConnection) => {
      while (next < items.length) await one(connection, items[next++] as T);
    };
    await Promise.all(connections.slice(0, Math.max(1, concurrency)).map(loop));
  };
  return {
    connections,
    get,
    each,
    run: (ids: readonly string[], concurrency: number) =>
      each(ids, concurrency, (connection, id) => get(connection, restoreTimePath(target, region, id))),
    close: async () => {
      for (const connection of connections) connection.close();
    },
  } satisfies FloorClient & Record<string, unknown>;
}
