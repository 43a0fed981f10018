import { request } from "undici";
import { type EmulatorTarget, product } from "../support/product";

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
