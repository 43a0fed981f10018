import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as sleep } from "node:timers/promises";
import type { EmulatorDataset } from "./dataset";
import { defaultErrorForStatus, errorBody, type WireError, wireErrors } from "./errors";
import type { FaultQueue } from "./faults";
import type { HandlerContext } from "./handlers/context";
import { listOffsiteInstances } from "./handlers/listOffsiteInstances";
import { listProjects } from "./handlers/listProjects";
import { listRestoreTimes } from "./handlers/listRestoreTimes";
import type { ProjectDirectory } from "./projects";
import type { RateLimiter } from "./rateLimit";
import { readBody } from "./requestBody";
import type { RequestStats } from "./requestStats";
import { parseTarget } from "./requestTarget";
import { encode, respond, type WireResponse, write } from "./respond";
import { matchRoute, type Route } from "./routes";
import { checkSignature, type SignatureCheck } from "./signatureCheck";
import type { EmulatorCredential, RequestLogEntry, StatusFault } from "./types";

/** Everything the request pipeline reads; the mutable fields are changed by the Emulator's methods. */
export interface ServerState {
  readonly dataset: EmulatorDataset;
  readonly projects: ProjectDirectory;
  readonly credentials: ReadonlyMap<string, EmulatorCredential>;
  readonly faults: FaultQueue;
  readonly stats: RequestStats;
  readonly maxClockSkewMs: number;
  /** The gateway's throttling, when configured. */
  readonly rateLimit: RateLimiter | undefined;
  origin: string;
  latencyMs: number;
  hook: ((entry: RequestLogEntry) => void | Promise<void>) | undefined;
}

function gatewayError(requestId: string, error: WireError, vars?: Record<string, string>): WireResponse {
  return { status: error.status, body: errorBody(error, requestId, vars) };
}

/** JSON-encoded and ASCII-only, so any canonical request fits in a header value. */
function headerSafe(text: string): string {
  return JSON.stringify(text).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The gateway's 401, plus what the emulator computed, to make a client's signing bug easy to find. */
function signatureFailure(requestId: string, check: Exclude<SignatureCheck, { ok: true }>): WireResponse {
  const headers: Record<string, string> = { "X-Emulator-Reason": headerSafe(check.reason) };
  if (check.parts) {
    // A security token is a credential: keep it out of the echo.
    const canonical = check.parts.canonicalRequest.replace(/^(x-security-token:).*$/m, "$1<redacted>");
    headers["X-Emulator-Canonical-Request"] = headerSafe(canonical);
    headers["X-Emulator-String-To-Sign"] = headerSafe(check.parts.stringToSign);
  }
  return { ...gatewayError(requestId, check.error, check.vars), headers };
}

function faultResponse(requestId: string, fault: StatusFault): WireResponse {
  const body = fault.body ?? errorBody(defaultErrorForStatus(fault.status), requestId);
  return { status: fault.status, body, ...(fault.headers ? { headers: fault.headers } : {}) };
}

function answer(route: Exclude<Route, { operation: "unknown" }>, ctx: HandlerContext): WireResponse {
  switch (route.operation) {
    case "listOffsiteInstances":
      return listOffsiteInstances(ctx);
    case "listRestoreTimes":
      return listRestoreTimes(ctx, route.projectId, route.instanceId);
    case "listProjects":
      return listProjects(ctx);
  }
}

/**
 * One request: the answer is decided (and encoded) as the request arrives, then sent after the configured latency.
 * A real API's work happens on many servers in parallel, inside the latency the client sees; deciding first keeps this
 * one-threaded emulator from queueing a burst's work behind the latency, where it would be charged to the client.
 */
async function handle(state: ServerState, req: IncomingMessage, res: ServerResponse, entry: RequestLogEntry) {
  const outcome = await decide(state, req, entry);
  const encoded = outcome === "reset" ? outcome : encode(entry, outcome);
  if (state.latencyMs > 0) await sleep(state.latencyMs);
  if (encoded === "reset") req.socket.destroy();
  else {
    write(res, encoded);
    state.stats.answered(entry, req.socket);
  }
}

/**
 * The answer to one request, in the gateway's order: route (unknown APIs are 404 before authentication),
 * authenticate, then the test hook, a queued fault, and the API itself.
 */
async function decide(
  state: ServerState,
  req: IncomingMessage,
  entry: RequestLogEntry,
): Promise<WireResponse | "reset"> {
  const requestId = entry.requestId;
  const body = await readBody(req);
  const target = parseTarget(req.url ?? "");
  if (!target) return gatewayError(requestId, wireErrors.badRequest);
  entry.path = target.rawPath;
  entry.query = target.query;
  if (body === undefined) return gatewayError(requestId, wireErrors.requestTooLarge);

  const route = matchRoute(entry.method, target.segments);
  entry.operation = route.operation;
  if (route.operation === "unknown") {
    return gatewayError(
      requestId,
      route.reason === "noSuchMethod" ? wireErrors.methodNotFound : wireErrors.apiNotFound,
    );
  }

  const check = checkSignature(
    { method: entry.method, target, headers: req.headers, body, now: Date.now(), maxClockSkewMs: state.maxClockSkewMs },
    state.credentials,
  );
  if (check.signedHeaders) entry.signedHeaders = check.signedHeaders;
  if (!check.ok) return signatureFailure(requestId, check);

  // The gateway throttles after authentication, per project (path, else X-Project-Id) and API.
  const retryAfter = state.rateLimit?.take(
    (route.operation === "listRestoreTimes" ? route.projectId : entry.projectIdHeader) ?? "",
    route.operation,
    Date.now(),
  );
  if (retryAfter !== undefined)
    return { ...gatewayError(requestId, wireErrors.throttled), headers: { "Retry-After": String(retryAfter) } };
  await state.hook?.(entry);
  const fault = state.faults.take(route.operation);
  if (fault) {
    entry.fault = fault;
    if ("reset" in fault) return "reset";
    if ("status" in fault) return faultResponse(requestId, fault);
    await sleep(fault.delayMs);
  }
  const ctx: HandlerContext = {
    requestId,
    headers: req.headers,
    query: target.query,
    dataset: state.dataset,
    projects: state.projects,
    origin: state.origin,
  };
  return answer(route, ctx);
}

export function createRequestListener(state: ServerState): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const projectIdHeader = req.headers["x-project-id"];
    const entry: RequestLogEntry = {
      at: Date.now(),
      requestId: randomBytes(16).toString("hex"),
      method: req.method ?? "",
      path: (req.url ?? "").split("?")[0] ?? "",
      query: {},
      operation: "unknown",
      status: 0,
      ...(typeof projectIdHeader === "string" ? { projectIdHeader } : {}),
    };
    const end = state.stats.begin(entry, req.socket);
    res.on("close", end);
    handle(state, req, res, entry).catch((error: unknown) => {
      // Only a throwing onRequest hook or an emulator bug gets here; say so rather than hide it behind the 500.
      console.error("emulator: request failed:", error);
      if (res.headersSent || res.destroyed) return;
      respond(res, entry, { status: 500, body: errorBody(wireErrors.serverFailure, entry.requestId) });
      state.stats.answered(entry, req.socket);
    });
  };
}
