/**
 * The wire errors the emulator answers, in one table.
 *
 * Sources (Huawei Cloud documentation, looked up when this table was written):
 * - APIG.0101 (both messages), APIG.0201 (400 and 413): API Gateway "Error Codes" tables
 *   (usermanual-apig apig-ug-180530090, devg-apisign api-sign-errorcode; APIGW.* is the same list for the shared gateway).
 * - APIG.0301 "verify aksk signature fail", "Get secretKey failed,ak:...,err:ak not exist",
 *   "x-auth-token not found": API Gateway FAQ "Common Errors Related to IAM Authentication Information" and the
 *   OCR/SIS FAQs "How Do I Handle the Error APIG.0301?".
 * - APIG.0301 "signature expired": the prefix "calc ak sk signature fail:signature expired" is from the SIS FAQ;
 *   the ", signature time:...,server time:..." suffix is copied from APIG.0303's documented expiry message.
 * - APIG.0308 (429) and its message: OCR/OCE FAQs "How Do I Handle the Error APIG.0308?" (the docs write the limit
 *   as XX; 50 is the emulator's choice).
 * - DBS.200001, DBS.200002, DBS.200010, DBS.108000 with their HTTP statuses and descriptions: RDS API reference
 *   "Error Codes" (rds_10_0201); the `{error_code, error_msg}` body shape: RDS "Abnormal Request Results".
 * Chosen without a documentation source: APIG.0202 (502/503) and APIG.0203 (504) for the gateway's backend
 * failures, and which DBS code answers which emulator check (e.g. DBS.200010 for an unknown project).
 */

export interface WireError {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export const wireErrors = {
  apiNotFound: {
    status: 404,
    code: "APIG.0101",
    message: "The API does not exist or has not been published in the environment.",
  },
  methodNotFound: { status: 404, code: "APIG.0101", message: "The API does not exist." },
  badRequest: { status: 400, code: "APIG.0201", message: "API request error." },
  requestTooLarge: { status: 413, code: "APIG.0201", message: "Request entity too large." },
  authMissing: {
    status: 401,
    code: "APIG.0301",
    message: "Incorrect IAM authentication information: x-auth-token not found",
  },
  tokenInvalid: {
    status: 401,
    code: "APIG.0301",
    message: "Incorrect IAM authentication information: decrypt token fail",
  },
  signatureMismatch: {
    status: 401,
    code: "APIG.0301",
    message: "Incorrect IAM authentication information: verify aksk signature fail",
  },
  unknownAccessKey: {
    status: 401,
    code: "APIG.0301",
    message: "Incorrect IAM authentication information: Get secretKey failed,ak:{ak},err:ak not exist",
  },
  signatureExpired: {
    status: 401,
    code: "APIG.0301",
    message:
      "Incorrect IAM authentication information: calc ak sk signature fail:signature expired, signature time:{signed},server time:{server}",
  },
  throttled: {
    status: 429,
    code: "APIG.0308",
    message: "The throttling threshold has been reached: policy user over ratelimit,limit:50,time:1 second",
  },
  backendUnavailable: { status: 502, code: "APIG.0202", message: "Backend unavailable." },
  serviceUnavailable: { status: 503, code: "APIG.0202", message: "Backend unavailable." },
  backendTimeout: { status: 504, code: "APIG.0203", message: "Backend timeout." },
  parameterError: { status: 400, code: "DBS.200001", message: "Parameter error." },
  instanceNotFound: { status: 404, code: "DBS.200002", message: "The DB instance does not exist." },
  notAuthorized: {
    status: 403,
    code: "DBS.200010",
    message: "The DB instance ID or user ID may be null, or the operation is not authorized.",
  },
  serverFailure: { status: 500, code: "DBS.108000", message: "Server failure." },
} as const satisfies Record<string, WireError>;

/** The body shape shared by RDS (`DBS.*`) and the gateway (`APIG.*`); the gateway also puts the request id in it. */
export interface ErrorBody {
  error_code: string;
  error_msg: string;
  request_id?: string;
}

/** Fills `{name}` placeholders of a message. */
export function errorBody(error: WireError, requestId: string, vars: Record<string, string | number> = {}): ErrorBody {
  const message = error.message.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole));
  const body: ErrorBody = { error_code: error.code, error_msg: message };
  if (error.code.startsWith("APIG.")) body.request_id = requestId;
  return body;
}

/** The error a `{ status }` fault answers when it brings no body of its own. */
export function defaultErrorForStatus(status: number): WireError {
  const byStatus: Record<number, WireError> = {
    400: wireErrors.parameterError,
    401: wireErrors.signatureMismatch,
    403: wireErrors.notAuthorized,
    404: wireErrors.instanceNotFound,
    413: wireErrors.requestTooLarge,
    429: wireErrors.throttled,
    500: wireErrors.serverFailure,
    502: wireErrors.backendUnavailable,
    503: wireErrors.serviceUnavailable,
    504: wireErrors.backendTimeout,
  };
  const known = byStatus[status];
  if (known) return known;
  const fallback = status >= 500 ? wireErrors.serverFailure : wireErrors.badRequest;
  return { ...fallback, status };
}
