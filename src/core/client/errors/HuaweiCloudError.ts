/**
 * Every failed call to Huawei Cloud (HTTP error, network failure, timeout, malformed answer) surfaces as this one
 * error type, so callers can branch on `status` and `errorCode` without knowing which layer failed.
 *
 * It never carries a credential: no request headers, no signature, no access key — only the method and the path.
 */
export class HuaweiCloudError extends Error {
  override readonly name = "HuaweiCloudError";
  /** HTTP status of the last attempt; undefined when no response arrived (network failure, timeout). */
  readonly status: number | undefined;
  /** Huawei's code, e.g. `DBS.280238`, `APIG.0301`; `CLIENT.Timeout` / `CLIENT.Network` / `CLIENT.Redirect` / `CLIENT.BadResponse` for failures without one. */
  readonly errorCode: string;
  /** Huawei's message (`error_msg`), or a description of the client-side failure. */
  readonly errorMessage: string;
  /** The `X-Request-Id` the service answered with — quote it to Huawei support. */
  readonly requestId: string | undefined;
  readonly method: string;
  /** Request path and query, without host. */
  readonly path: string;
  /** How many HTTP attempts were made before giving up. */
  readonly attempts: number;

  constructor(details: HuaweiCloudErrorDetails) {
    const where = `${details.method} ${details.path}`;
    const status = details.status === undefined ? "" : `HTTP ${details.status} `;
    const request = details.requestId ? ` (request id ${details.requestId})` : "";
    const attempts = details.attempts > 1 ? ` after ${details.attempts} attempts` : "";
    super(`${where} failed${attempts}: ${status}${details.errorCode}: ${details.errorMessage}${request}`);
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.errorMessage = details.errorMessage;
    this.requestId = details.requestId;
    this.method = details.method;
    this.path = details.path;
    this.attempts = details.attempts;
  }
}

/** What a {@link HuaweiCloudError} is made of; its message is derived from them. */
export interface HuaweiCloudErrorDetails {
  status?: number | undefined;
  errorCode: string;
  errorMessage: string;
  requestId?: string | undefined;
  method: string;
  path: string;
  attempts: number;
}

export function isHuaweiCloudError(error: unknown): error is HuaweiCloudError {
  return error instanceof HuaweiCloudError;
}
