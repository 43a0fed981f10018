import type { ServerResponse } from "node:http";
import type { RequestLogEntry } from "./types";

/** A response before it is written: a string body is sent as is, anything else as JSON. */
export interface WireResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

function errorCodeOf(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const code = (body as { error_code?: unknown }).error_code;
  return typeof code === "string" ? code : undefined;
}

/** A response ready for the wire: its body encoded, its headers final. */
export interface EncodedResponse {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly payload: string;
}

/**
 * Encodes the response with the headers every Huawei Cloud answer carries, and records its outcome in the log (the
 * outcome is decided here; `write` only sends it).
 */
export function encode(entry: RequestLogEntry, response: WireResponse): EncodedResponse {
  const payload = typeof response.body === "string" ? response.body : JSON.stringify(response.body);
  entry.status = response.status;
  const errorCode = errorCodeOf(response.body);
  if (errorCode !== undefined) entry.errorCode = errorCode;
  // Lowercase name -> [name as written, value], so extra headers (e.g. a fault's Retry-After) replace defaults whatever
  // their case while the wire keeps the usual spelling.
  const headers = new Map<string, [string, string]>();
  const set = (name: string, value: string) => headers.set(name.toLowerCase(), [name, value]);
  set("X-Request-Id", entry.requestId);
  set("Content-Type", "application/json;charset=UTF-8");
  for (const [name, value] of Object.entries(response.headers ?? {})) set(name, value);
  set("Content-Length", String(Buffer.byteLength(payload)));
  return { status: response.status, headers: Object.fromEntries(headers.values()), payload };
}

export function write(res: ServerResponse, encoded: EncodedResponse): void {
  res.writeHead(encoded.status, encoded.headers);
  res.end(encoded.payload);
}

/** Encodes and writes at once (the emulator's last-resort 500). */
export function respond(res: ServerResponse, entry: RequestLogEntry, response: WireResponse): void {
  write(res, encode(entry, response));
}
