import type { BeforeRequestHook, KyInstance } from "ky";
import type { Dispatcher } from "undici";
import type { Credential } from "../credentials/types";
import type { HuaweiCloudErrorDetails } from "../errors/HuaweiCloudError";
import type { ClientSettings } from "../settings/settings";
import { signRequest } from "../signer";
import { answerNote } from "./answerNotes";
import { ACCEPT_ENCODING, readBoundedBody, TIMED_OUT, unaskedEncoding, type WithinDeadline } from "./boundedBody";
import { type AttemptTransport, dispatcherFetch } from "./dispatcherFetch";
import { parseErrorBody } from "./errorBody";
import { loadKy } from "./esmDependencies";
import { type HttpTime, systemTime } from "./httpTime";
import { type AdaptiveScheduler, schedulerFor } from "./limiter";
import { networkFailure } from "./networkFailure";
import { isRecord } from "./responseShape";
import { isRetryableStatus, retryAfterMs, retryDelayMs } from "./retryPolicy";
import { ABANDONED, sharedInFlight, sharingKey } from "./sharedInFlight";
import { dispatcherFor, readyDispatcherFor } from "./transport";
import { USER_AGENT } from "./userAgent";
import { wireError } from "./wireError";

export interface JsonRequest {
  /** Base URL of the service (RDS or IAM endpoint). */
  endpoint: string;
  /** Path with every dynamic segment already percent-encoded (see `pathOf`). */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Sent (and signed) as `X-Project-Id`. */
  projectId?: string | undefined;
  /**
   * When aborted before the request gets a slot of the limiter (or before a retry), it is not sent; a request shared
   * with callers that have not aborted is sent for them, and answers every caller.
   */
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
  return sharedInFlight(sharingKey(settings, request.projectId, url), request.signal, (abandoned) =>
    send(settings, url, request.projectId, abandoned),
  );
}

type Failure = Omit<HuaweiCloudErrorDetails, "method" | "path" | "attempts"> & {
  retryable: boolean;
  retryAfter?: string | null;
  /** The answer's `Date` header and the attempt's signing time: how far apart the clocks are. */
  serverDate?: string | null;
  signedAt?: number;
};

/**
 * What an attempt tells the process-wide scheduler: throttling (429, or 503 with a Retry-After) slows every request
 * of the process; any answer that is not throttling, even an error, says the API keeps up and lets it climb back.
 */
function noteThrottling(scheduler: AdaptiveScheduler, ticket: number, outcome: AttemptOutcome, now: number): void {
  if (outcome.kind === "totalTimeout") return;
  const { status } = outcome;
  // A network failure says nothing about the API's load.
  if (status === undefined) return;
  const retryAfter =
    outcome.kind === "failure" && (status === 429 || status === 503)
      ? retryAfterMs(outcome.retryAfter ?? null, now)
      : undefined;
  if (status === 429 || retryAfter !== undefined) scheduler.throttled({ ticket, retryAfterMs: retryAfter });
  else scheduler.succeeded();
}

type AttemptOutcome =
  | { kind: "answer"; status: number; text: string; requestId: string | undefined }
  | ({ kind: "failure" } & Failure)
  | { kind: "totalTimeout" };

/**
 * The retry loop, owned here rather than left to ky so that every wait runs on `settings.time` (tests assert exact
 * delays) and every failure, including one while reading the body, is classified the same way.
 */
async function send(
  settings: ClientSettings,
  url: URL,
  projectId: string | undefined,
  abandoned: () => boolean,
): Promise<JsonResponse> {
  const time = settings.time ?? systemTime;
  const scheduler = schedulerFor(time, settings.maxConcurrency);
  const path = `${url.pathname}${url.search}`;
  // The total timeout starts when the first attempt gets its slot: waiting behind the process's other requests is
  // the scheduler's doing, not the API's.
  let deadline = Number.POSITIVE_INFINITY;
  const fail = (failure: Failure, attempts: number, note = "") =>
    wireError(settings, {
      status: failure.status,
      errorCode: failure.errorCode,
      errorMessage: `${failure.errorMessage}${answerNote(settings, failure)}${note}`,
      requestId: failure.requestId,
      method: "GET",
      path,
      attempts,
    });
  const gaveUp = ` (gave up: total timeout of ${settings.totalTimeoutMs} ms reached)`;
  let last: Failure | undefined;
  let resigned = false;
  for (let attempt = 1; ; attempt += 1) {
    // A timer that fires late may wake a retry just past the deadline: it is not sent.
    if (last && time.now() >= deadline) throw fail(last, attempt - 1, gaveUp);
    // --- issue 20: the credential of this attempt, refreshed first if near expiry (outside the scheduler's slot: a
    // refresh may itself request); an expired one re-signed once ---
    const scheduled = (credential: Credential) => {
      // Built while the attempt waits for its slot, when the scheduler says it is among the next to get one; signed
      // and sent only once it has the slot.
      let prepared: PreparedAttempt | undefined;
      const prepare = () => {
        const http = readyClient;
        const dispatcher = readyDispatcherFor(settings);
        // Until ky and the dispatcher exist (the first requests of a process), the attempt is built in its slot.
        if (http && dispatcher) prepared ??= prepareAttempt(http, dispatcher, time, url, projectId, credential);
      };
      return scheduler.run(
        settings.maxConcurrency,
        async (ticket) => {
          if (abandoned()) {
            prepared?.giveUp();
            throw ABANDONED;
          }
          if (deadline === Number.POSITIVE_INFINITY) deadline = time.now() + settings.totalTimeoutMs;
          const attempt = prepared ?? (await preparedNow(settings, time, url, projectId, credential));
          const result = await attemptOnce(settings, time, url, deadline, attempt);
          noteThrottling(scheduler, ticket, result, time.now());
          return result;
        },
        prepare,
      );
    };
    const credential = await credentialOf(settings);
    let outcome = await scheduled(credential);
    const refused = outcome.kind === "failure" && outcome.status === 401;
    if (refused && !resigned && settings.credentials?.expired(credential) === true) {
      resigned = true;
      outcome = await scheduled(await credentialOf(settings));
    }
    // --- end issue 20 ---
    if (outcome.kind === "answer") {
      const body = parseJson(outcome, () => fail(notJson(outcome), attempt));
      // RDS answers some refusals with a 2xx and its error body: that is the error, not a malformed answer.
      if (isRecord(body) && typeof body.error_code === "string") throw fail(errorIn2xx(outcome, body), attempt);
      return { body, requestId: outcome.requestId };
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
    // Every caller of a shared request has aborted: no retry for nobody.
    if (abandoned()) throw ABANDONED;
  }
}

/**
 * One signed attempt, under the per-attempt timeout (or what is left of the total one, if less), which covers the
 * whole response, body included: a stalled or reset body is a failed attempt like a refused connection. The timeout is
 * this client's own timer, raced by every phase (connection and headers, then the body), so it holds whatever
 * the server or the runtime does with the abort signal (which undici links weakly, nodejs/undici#3644).
 */
async function attemptOnce(
  settings: ClientSettings,
  time: HttpTime,
  url: URL,
  deadline: number,
  attempt: PreparedAttempt,
): Promise<AttemptOutcome> {
  const { context, abort, pending } = attempt;
  const remainingMs = deadline - time.now();
  const endsTotal = remainingMs <= settings.attemptTimeoutMs;
  let expire: () => void = () => undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    expire = () => reject(TIMED_OUT);
  });
  expired.catch(() => undefined);
  const within: WithinDeadline = (work) => Promise.race([work, expired]);
  const cancelTimer = time.setTimer(Math.min(remainingMs, settings.attemptTimeoutMs), () => {
    expire();
    abort.abort(new DOMException("The operation timed out.", "TimeoutError"));
  });
  attempt.send();
  try {
    const response = await within(pending);
    const requestId = response.headers.get("x-request-id") ?? undefined;
    const body = context.transport.answerBody ?? null;
    // Not left in ky's copy of the context: ky's `Request` holds it until a full collection (its signal is held
    // weakly), and the answer's stream with it (10 MiB more heap at the peak of a 10,000-instance scan).
    context.transport.answerBody = undefined;
    if (response.status >= 300 && response.status < 400) {
      body?.destroy();
      return { kind: "failure", ...refusedRedirect(response, url), requestId, retryable: false };
    }
    const encoding = unaskedEncoding(response.headers.get("content-encoding"));
    if (encoding !== undefined) {
      body?.destroy();
      const problem = `the answer is encoded as ${JSON.stringify(encoding)}, which was not asked for (Accept-Encoding: ${ACCEPT_ENCODING}); it was not read`;
      return badAnswer(response.status, problem, requestId);
    }
    const maxBytes = settings.maxResponseBytes;
    const read = await readBoundedBody(body, response.headers, maxBytes, within);
    if (read.kind === "tooLarge") {
      const problem = `the answer is larger than maxResponseBytes (${maxBytes} bytes decoded); the rest was not read`;
      return badAnswer(response.status, problem, requestId);
    }
    if (response.ok) return { kind: "answer", status: response.status, text: read.text, requestId };
    const { errorCode, errorMessage } = parseErrorBody(read.text);
    return {
      kind: "failure",
      status: response.status,
      errorCode: errorCode ?? `HTTP.${response.status}`,
      errorMessage: errorMessage ?? response.statusText,
      requestId,
      retryable: isRetryableStatus(response.status),
      retryAfter: response.headers.get("retry-after"),
      serverDate: response.headers.get("date"),
      signedAt: context.signedAt,
    };
  } catch (error) {
    const timedOut = error === TIMED_OUT || abort.signal.aborted;
    // Headers that arrive after the deadline (the abort may never reach a collected request): their body is not read.
    if (timedOut)
      pending.then(
        () => context.transport.answerBody?.destroy(),
        () => undefined,
      );
    if (timedOut && endsTotal) return { kind: "totalTimeout" };
    if (timedOut) {
      return {
        kind: "failure",
        errorCode: "CLIENT.Timeout",
        errorMessage: `no complete response within the per-attempt timeout of ${settings.attemptTimeoutMs} ms`,
        retryable: true,
      };
    }
    return { kind: "failure", ...networkFailure(error, url) };
  } finally {
    cancelTimer();
  }
}

/**
 * An attempt built but not sent: ky's request (ky builds it when called, then runs the `beforeRequest` hook, which
 * waits here for `send`), its abort signal, and its signing. Built ahead while the attempt waits for its slot, so that
 * when an answer frees a slot only the signing and the send are left between it and the next request on the wire.
 */
interface PreparedAttempt {
  context: AttemptContext;
  abort: AbortController;
  /** ky's answer, once the request is sent and answered; for one given up unsent, a rejection nobody waits for. */
  pending: Promise<Response>;
  /** Lets the hook sign the request now and send it. */
  send(): void;
  /** Never sends it (every caller of a shared request has gone): ky's request is dropped. */
  giveUp(): void;
}

/** An attempt built in its slot, when it was not built ahead (the first requests of a process, or no wait). */
async function preparedNow(
  settings: ClientSettings,
  time: HttpTime,
  url: URL,
  projectId: string | undefined,
  credential: Credential,
): Promise<PreparedAttempt> {
  const http = readyClient ?? (await httpClient());
  const dispatcher = readyDispatcherFor(settings) ?? (await dispatcherFor(settings));
  return prepareAttempt(http, dispatcher, time, url, projectId, credential);
}

function prepareAttempt(
  http: KyInstance,
  dispatcher: Dispatcher,
  time: HttpTime,
  url: URL,
  projectId: string | undefined,
  credential: Credential,
): PreparedAttempt {
  const abort = new AbortController();
  const headers: Record<string, string> = {
    Accept: "application/json",
    "Accept-Encoding": ACCEPT_ENCODING,
    "User-Agent": USER_AGENT,
    ...(projectId === undefined ? {} : { "X-Project-Id": projectId }),
  };
  let send: () => void = () => undefined;
  let giveUp: (reason: unknown) => void = () => undefined;
  const slot: AttemptSlot = {
    granted: false,
    grant: new Promise<void>((resolve, reject) => {
      send = resolve;
      giveUp = reject;
    }),
  };
  slot.grant.catch(() => undefined);
  const context: AttemptContext = {
    signedAt: 0,
    sign: () => {
      context.signedAt = time.now();
      return { ...headers, ...signRequest({ method: "GET", url, headers }, credential, new Date(context.signedAt)) };
    },
    transport: { dispatcher, attemptSignal: abort.signal },
    slot,
  };
  // The only per-call option is the context (a GET is ky's default method): ky merges its defaults with every
  // call's options, and headers given to ky are merged into new `Headers` twice more; the hook sends them as they are.
  const pending = http(url, { context });
  return {
    context,
    abort,
    pending,
    send: () => {
      slot.granted = true;
      send();
    },
    giveUp: () => {
      // ky rejects with this when its hook does; nobody waits for that.
      pending.catch(() => undefined);
      giveUp(ABANDONED);
    },
  };
}

/** The credential to sign with: the settings' chain (issue 20), or the static fields of settings built without one. */
function credentialOf(settings: ClientSettings): Promise<Credential> {
  if (settings.credentials) return settings.credentials.credentials();
  const { accessKey, secretKey, securityToken } = settings;
  return Promise.resolve({ accessKey, secretKey, securityToken });
}

function badAnswer(status: number, problem: string, requestId: string | undefined): AttemptOutcome {
  return {
    kind: "failure",
    status,
    errorCode: "CLIENT.BadResponse",
    errorMessage: problem,
    requestId,
    retryable: false,
  };
}

function errorIn2xx(answer: { status: number; requestId: string | undefined }, body: Record<string, unknown>): Failure {
  return {
    status: answer.status,
    errorCode: String(body.error_code),
    errorMessage: typeof body.error_msg === "string" ? body.error_msg : "",
    requestId: answer.requestId,
    retryable: false,
  };
}

/** What an attempt hands to ky's `beforeRequest` hook: the signing of this attempt, and where to send it. */
type AttemptContext = {
  /** The attempt's headers, the signing ones among them, signed at the moment it is sent. */
  sign: () => Record<string, string>;
  /** When `sign` last signed (the answer's Date is compared with it). */
  signedAt: number;
  transport: AttemptTransport;
  /** Whether the attempt may be sent yet. An object of its own: ky copies the context it is given, not its values. */
  slot: AttemptSlot;
};

type AttemptSlot = {
  granted: boolean;
  /** Resolves when the attempt gets its slot; rejects when it is given up unsent. */
  grant: Promise<void>;
};

/**
 * The one place a request is signed and sent: ky's `beforeRequest` hook, which runs for every attempt ky sends, so
 * every attempt carries a fresh `X-Sdk-Date` and a signature made from the credentials of that moment. It sends all the
 * attempt's headers, not only the signing ones (see prepareAttempt), given to dispatcherFetch rather than set on ky's
 * `Request` (which validates each and sorts them to be read back).
 *
 * The hook sends the signed request itself (through dispatcherFetch) and returns the answer, which ky documents as a
 * hook's way "to completely avoid making an HTTP request": ky then returns the answer from its `#fetch` before the
 * step that follows the hooks, `this.request = this.#originalRequest.clone()` ("to prepare in advance for retries",
 * ky/distribution/core/Ky.js, 1.14.3). That clone is a second `Request` per attempt, with its own `AbortController`
 * following ky's signal and a finalization registration, garbage that waits for a full collection. Nothing here needs
 * it: ky's own `retry` is 0 (the loop above retries, building a new ky request for each attempt). ky still builds the
 * request, merges the headers, runs the hooks and hands back the `Response`; afterResponse hooks, `throwHttpErrors`
 * and the body shortcuts apply to the hook's answer as to a fetched one.
 */
const signAndSend: BeforeRequestHook = (request, options) => {
  const { sign, transport, slot } = options.context as Partial<AttemptContext>;
  if (!sign || !transport || !slot) throw new TypeError("a request of this client needs its attempt's context");
  const send = () => dispatcherFetch(request, transport, sign());
  // A request built ahead waits here, in ky's hook, for its slot: signed when it has it, so the date is fresh.
  return slot.granted ? send() : slot.grant.then(send);
};

let client: Promise<KyInstance> | undefined;
/** The instance once created: an attempt then starts without waiting a turn for it. */
let readyClient: KyInstance | undefined;

/**
 * ky with this client's fixed options, created once: ky merges defaults into every request's options, and merging
 * them with nothing but the attempt's context keeps that cheap.
 */
function httpClient(): Promise<KyInstance> {
  client ??= loadKy().then(({ default: ky }) => {
    readyClient = ky.create({
      hooks: { beforeRequest: [signAndSend] },
      // The loop above retries rather than ky's `retry`: ky waits on its own timers (tests assert exact delays on
      // `settings.time`), cannot release the process-wide scheduler's slot while a request waits to retry, does not
      // retry a failure while reading the body (a reset or stalled body is an attempt like any other here), and
      // would keep retrying for callers that have all gone (a shared request is abandoned between attempts).
      retry: 0,
      timeout: false, // the per-attempt timer above covers the body too, which ky's timeout does not
      // Every request is sent by signAndSend; ky's `fetch` (Node's global one if unset) would bypass the proxy-aware
      // dispatcher, so it refuses rather than sends.
      fetch: () => Promise.reject(new TypeError("this client sends its requests from its beforeRequest hook")),
      throwHttpErrors: false,
      // Huawei's APIs never redirect; following one would send X-Security-Token and X-Project-Id to another origin
      // and accept its body as the answer.
      redirect: "manual",
    });
    return readyClient;
  });
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

/** Characters of a malformed answer quoted: far more than an error shows, enough for the redacting door's window. */
const QUOTED_CHARS = 64 * 1024;

function notJson(answer: { status: number; text: string; requestId: string | undefined }): Failure {
  // Cut before quoting, so a page of megabytes is never copied whole; the one redacting door caps it further.
  const text = answer.text.length > QUOTED_CHARS ? answer.text.slice(0, QUOTED_CHARS) : answer.text;
  return {
    status: answer.status,
    errorCode: "CLIENT.BadResponse",
    errorMessage: `the response is not JSON: ${JSON.stringify(text)}`,
    requestId: answer.requestId,
    retryable: false,
  };
}
