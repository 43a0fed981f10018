import { HuaweiCloudError } from "../errors/HuaweiCloudError";

/** A 200 whose body is not what the API reference promises is a failure, not something to paper over. */
export function badResponse(path: string, problem: string, requestId: string | undefined): HuaweiCloudError {
  return new HuaweiCloudError({
    errorCode: "CLIENT.BadResponse",
    errorMessage: `unexpected response body: ${problem}`,
    method: "GET",
    path,
    attempts: 1,
    requestId,
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
