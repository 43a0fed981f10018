import type { KyInstance } from "ky";
import type { ClientSettings } from "../config/settings";
import type { HuaweiCloudErrorDetails } from "../errors/HuaweiCloudError";
import { signRequest } from "../signing";
import { parseErrorBody } from "./errorBody";
import { loadKy } from "./esmDependencies";
import { type HttpTime, systemTime } from "./httpTime";
import { runLimited } from "./limiter";
import { isRetryableStatus, retryDelayMs } from "./retryPolicy";
import { sharedInFlight } from "./sharedInFlight";
import { wireError } from "./wireError";

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
 * flight, re-signs every attempt with a fresh `X-Sdk-Date`, retries throttling/5xx/network failures, refuses
 * redirects, and turns every failure into a `HuaweiCloudError` that carries no credential.
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

type Failure = Omit<HuaweiCloudErrorDetails, "method" | "path" | "attempts"> & {
  retryable: boolean;
  retryAfter?: string | null;
};

type AttemptOutcome =
  | { kind: "answer"; status: number; text: string; requestId: string | undefined }
  | ({ kind: "failure" } & Failure)
  | { kind: "totalTimeout" };

/**
 * The retry loop, owned here rather than left to ky so that every wait runs on `settings.time` (tests assert exact
 * delays) and every failure, including one while reading the body, is classified the same way.
 */
async function send(settings: ClientSettings, url: URL, projectId: string | undefined): Promise<JsonResponse> {
  const time = settings.time ?? systemTime;
  const path = `${url.pathname}${url.search}`;
  const deadline = time.now() + settings.totalTimeoutMs;
  const fail = (failure: Failure, attempts: number, note = "") =>
    wireError(settings, {
      status: failure.status,
      errorCode: failure.errorCode,
      errorMessage: `${failure.errorMessage}${note}`,
      requestId: failure.requestId,
      method: "GET",
      path,
      attempts,
    });
  const gaveUp = ` (gave up: total timeout of ${settings.totalTimeoutMs} ms reached)`;
  let last: Failure | undefined;
  for (let attempt = 1; ; attempt += 1) {
    // A timer that fires late may wake a retry just past the deadline: it is not sent.
    if (last && time.now() >= deadline) throw fail(last, attempt - 1, gaveUp);
    const outcome = await attemptOnce(settings, time, url, projectId, deadline);
    if (outcome.kind === "answer") {
      return { body: parseJson(outcome, () => fail(notJson(outcome), attempt)), requestId: outcome.requestId };
    }
    if (outcome.kind === "totalTimeout") {
      // The last answer says more than "timeout": keep its status and Huawei code (APIG.0308, not HTTP.429).
      if (last) throw fail(last, attempt, gaveUp);
      const noAnswer = `no complete response within the total timeout of ${settings.totalTimeoutMs} ms`;
      throw fail({ errorCode: "CLIENT.Timeout", errorMessage: noAnswer, retryable: false }, attempt);
    }
    last = outcome;
    if (!outcome.retryable || attempt > settings.maxRetries) throw fail(outcome, attempt);
    const answer =
      outcome.status === undefined
        ? undefined
        : { status: outcome.status, retryAfter: outcome.retryAfter ?? null, now: time.now() };
    const delay = retryDelayMs(settings, attempt, answer, () => time.random());
    if (time.now() + delay >= deadline) {
      throw fail(
        outcome,
        attempt,
        ` (gave up: a retry in ${delay} ms would pass the total timeout of ${settings.totalTimeoutMs} ms)`,
      );
    }
    await time.sleep(delay);
  }
}

/**
 * One signed attempt, under the per-attempt timeout (or what is left of the total one, if less), which covers the
 * whole response, body included: a stalled or reset body is a failed attempt like a refused connection.
 */
async function attemptOnce(
  settings: ClientSettings,
  time: HttpTime,
  url: URL,
  projectId: string | undefined,
  deadline: number,
): Promise<AttemptOutcome> {
  const http = await httpClient();
  const remainingMs = deadline - time.now();
  const endsTotal = remainingMs <= settings.attemptTimeoutMs;
  const timeout = new AbortController();
  const cancelTimer = time.setTimer(Math.min(remainingMs, settings.attemptTimeoutMs), () =>
    timeout.abort(new DOMException("The operation timed out.", "TimeoutError")),
  );
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...(projectId === undefined ? {} : { "X-Project-Id": projectId }),
  };
  const signed = signRequest(
    { method: "GET", url, headers },
    { accessKey: settings.accessKey, secretKey: settings.secretKey, securityToken: settings.securityToken },
    new Date(time.now()),
  );
  try {
    const response = await http.get(url, { headers: { ...headers, ...signed }, signal: timeout.signal });
    const requestId = response.headers.get("x-request-id") ?? undefined;
    if (response.status >= 300 && response.status < 400) {
      await response.body?.cancel();
      return { kind: "failure", ...refusedRedirect(response, url), requestId, retryable: false };
    }
    const text = await response.text();
    if (response.ok) return { kind: "answer", status: response.status, text, requestId };
    const { errorCode, errorMessage } = parseErrorBody(text);
    return {
      kind: "failure",
      status: response.status,
      errorCode: errorCode ?? `HTTP.${response.status}`,
      errorMessage: errorMessage ?? response.statusText,
      requestId,
      retryable: isRetryableStatus(response.status),
      retryAfter: response.headers.get("retry-after"),
    };
  } catch (error) {
    if (timeout.signal.aborted && endsTotal) return { kind: "totalTimeout" };
    if (timeout.signal.aborted) {
      return {
        kind: "failure",
        errorCode: "CLIENT.Timeout",
        errorMessage: `no complete response within the per-attempt timeout of ${settings.attemptTimeoutMs} ms`,
        retryable: true,
      };
    }
    return { kind: "failure", errorCode: "CLIENT.Network", errorMessage: networkMessage(error), retryable: true };
  } finally {
    cancelTimer();
  }
}

let client: Promise<KyInstance> | undefined;

/**
 * ky with this client's fixed options, created once: ky merges defaults into every request's options, and merging
 * only headers and a signal keeps that cheap.
 */
function httpClient(): Promise<KyInstance> {
  client ??= loadKy().then(({ default: ky }) =>
    ky.create({
      retry: 0, // the loop above retries, on injectable time
      timeout: false, // the per-attempt timer above covers the body too, which ky's timeout does not
      throwHttpErrors: false,
      // Huawei's APIs never redirect; following one would send X-Security-Token and X-Project-Id to another origin
      // and accept its body as the answer.
      redirect: "manual",
    }),
  );
  return client;
}

function refusedRedirect(response: Response, url: URL): { status: number; errorCode: string; errorMessage: string } {
  const location = response.headers.get("location");
  let target = "no valid Location";
  try {
    if (location !== null) target = new URL(location, url).origin;
  } catch {
    // An unparsable Location is reported as such.
  }
  return {
    status: response.status,
    errorCode: "CLIENT.Redirect",
    errorMessage: `the endpoint answered a redirect to ${target}; redirects are refused (Huawei Cloud APIs do not redirect, and following one would send the request's credentials to another origin)`,
  };
}

function parseJson(answer: { text: string }, refuse: () => Error): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    throw refuse();
  }
}

function notJson(answer: { status: number; text: string; requestId: string | undefined }): Failure {
  return {
    status: answer.status,
    errorCode: "CLIENT.BadResponse",
    // Whole, so the one redacting door sees every credential before it caps the text.
    errorMessage: `the response is not JSON: ${JSON.stringify(answer.text)}`,
    requestId: answer.requestId,
    retryable: false,
  };
}

/** `fetch failed` says nothing; the cause (`ECONNRESET`, `ECONNREFUSED 127.0.0.1:8080`) does. */
function networkMessage(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause : undefined;
  const code = cause && "code" in cause && typeof cause.code === "string" ? `${cause.code}: ` : "";
  return cause ? `${error.message}: ${code}${cause.message}` : error.message;
}
