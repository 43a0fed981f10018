import type { ClientSettings } from "../config/settings";
import { HuaweiCloudError } from "../errors/HuaweiCloudError";
import { signRequest } from "../signing";
import { parseErrorBody } from "./errorBody";
import { loadKy } from "./esmDependencies";
import { runLimited } from "./limiter";
import { retryOptions } from "./retryPolicy";
import { sharedInFlight } from "./sharedInFlight";

export interface JsonRequest {
  /** Base URL of the service (RDS or IAM endpoint). */
  endpoint: string;
  /** Path with every dynamic segment already percent-encoded (see `pathOf`). */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Sent (and signed) as `X-Project-Id`. */
  projectId?: string | undefined;
  /** When aborted before the request gets a slot of the limiter, it is not sent. */
  signal?: AbortSignal | undefined;
}

export interface JsonResponse {
  body: unknown;
  requestId: string | undefined;
}

/**
 * A signed GET that returns parsed JSON. Runs under the process-wide limiter, shares identical requests already in
 * flight, re-signs every attempt with a fresh `X-Sdk-Date`, retries throttling/5xx/network failures, and turns every
 * failure into a `HuaweiCloudError` that carries no credential.
 */
export function getJson(settings: ClientSettings, request: JsonRequest): Promise<JsonResponse> {
  const url = new URL(`${request.endpoint}${request.path}`);
  for (const [key, value] of Object.entries(request.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  const key = [settings.accessKey, request.projectId ?? "", url.href].join("\n");
  // One slot of the limiter covers a request with all its retries: a throttled request backing off also holds back
  // the process's other requests, which is what throttling asks for, and in-flight counts stay exact.
  return sharedInFlight(key, () =>
    runLimited(settings.maxConcurrency, () => {
      request.signal?.throwIfAborted();
      return send(settings, url, request.projectId);
    }),
  );
}

async function send(settings: ClientSettings, url: URL, projectId: string | undefined): Promise<JsonResponse> {
  const { default: ky, isHTTPError, isTimeoutError } = await loadKy();
  const path = `${url.pathname}${url.search}`;
  const total = AbortSignal.timeout(settings.totalTimeoutMs);
  let attempts = 0;
  let lastFailure: unknown;
  try {
    const response = await ky.get(url, {
      headers: { Accept: "application/json", ...(projectId === undefined ? {} : { "X-Project-Id": projectId }) },
      timeout: settings.attemptTimeoutMs,
      signal: total,
      retry: {
        ...retryOptions(settings),
        // Runs before the backoff wait (beforeRetry runs after it): if the total timeout ends that wait, the error
        // reported is still the service's answer, not a bare abort.
        shouldRetry: ({ error }) => {
          lastFailure = error;
          return undefined;
        },
      },
      hooks: {
        beforeRequest: [
          (attempt) => {
            attempts += 1;
            signAttempt(attempt, settings);
          },
        ],
      },
    });
    const text = await response.text();
    return { body: parseJson(text, { method: "GET", path, attempts, response }), requestId: requestIdOf(response) };
  } catch (error) {
    throw await toHuaweiCloudError(total.aborted ? (lastFailure ?? error) : error, {
      isHTTPError,
      isTimeoutError,
      path,
      attempts,
      totalTimeoutMs: total.aborted ? settings.totalTimeoutMs : undefined,
    });
  }
}

/** Each attempt gets its own date and signature; headers of a previous attempt's signing are replaced, not doubled. */
function signAttempt(attempt: Request, settings: ClientSettings): void {
  const headers: Record<string, string> = {};
  attempt.headers.forEach((value, name) => {
    if (name !== "authorization" && name !== "x-sdk-date" && name !== "x-security-token") headers[name] = value;
  });
  const signed = signRequest(
    { method: attempt.method, url: new URL(attempt.url), headers },
    { accessKey: settings.accessKey, secretKey: settings.secretKey, securityToken: settings.securityToken },
    new Date(),
  );
  for (const [name, value] of Object.entries(signed)) {
    if (value !== undefined) attempt.headers.set(name, value);
  }
}

function parseJson(text: string, context: { method: string; path: string; attempts: number; response: Response }) {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new HuaweiCloudError({
      status: context.response.status,
      errorCode: "CLIENT.BadResponse",
      errorMessage: `the response is not JSON: ${JSON.stringify(text.slice(0, 200))}`,
      requestId: requestIdOf(context.response),
      method: context.method,
      path: context.path,
      attempts: context.attempts,
    });
  }
}

async function toHuaweiCloudError(
  error: unknown,
  context: {
    isHTTPError: (error: unknown) => error is import("ky").HTTPError;
    isTimeoutError: (error: unknown) => boolean;
    path: string;
    attempts: number;
    totalTimeoutMs: number | undefined;
  },
): Promise<HuaweiCloudError> {
  if (error instanceof HuaweiCloudError) return error;
  const base = { method: "GET", path: context.path, attempts: context.attempts };
  const gaveUp =
    context.totalTimeoutMs === undefined ? "" : ` (gave up: total timeout of ${context.totalTimeoutMs} ms reached)`;
  if (context.isHTTPError(error)) {
    const { errorCode, errorMessage } = parseErrorBody(await error.response.text().catch(() => ""));
    return new HuaweiCloudError({
      ...base,
      status: error.response.status,
      errorCode: errorCode ?? `HTTP.${error.response.status}`,
      errorMessage: `${errorMessage ?? error.response.statusText}${gaveUp}`,
      requestId: requestIdOf(error.response),
    });
  }
  if (context.isTimeoutError(error) || context.totalTimeoutMs !== undefined) {
    return new HuaweiCloudError({
      ...base,
      errorCode: "CLIENT.Timeout",
      errorMessage: gaveUp ? gaveUp.slice(2, -1) : "no response within the per-attempt timeout",
    });
  }
  return new HuaweiCloudError({ ...base, errorCode: "CLIENT.Network", errorMessage: networkMessage(error) });
}

/** `fetch failed` says nothing; the cause (`ECONNRESET`, `ECONNREFUSED 127.0.0.1:8080`) does. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause && typeof cause.code === "string" ? `${cause.code}: ` : "";
  return cause ? `${error.message}: ${code}${cause.message}` : error.message;
}

function requestIdOf(response: Response): string | undefined {
  return response.headers.get("x-request-id") ?? undefined;
}
