import { isRecord } from "./responseShape";

export interface ParsedErrorBody {
  errorCode: string | undefined;
  errorMessage: string | undefined;
}

/**
 * Huawei services disagree on the error body: RDS and the API gateway send `{error_code, error_msg}`, others
 * `{code, message}`, `{errCode, errMsg}` or `{error: {code, message}}`. Take whichever is there.
 */
export function parseErrorBody(text: string): ParsedErrorBody {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { errorCode: undefined, errorMessage: text.trim() || undefined };
  }
  const record = isRecord(body) && isRecord(body.error) ? body.error : body;
  if (!isRecord(record)) return { errorCode: undefined, errorMessage: undefined };
  return {
    errorCode: firstString(record, ["error_code", "code", "errCode", "errorCode"]),
    errorMessage: firstString(record, ["error_msg", "message", "errMsg", "errorMsg", "error_message"]),
  };
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === "string" && value !== "") return value;
    if (typeof value === "number") return String(value);
  }
  return undefined;
}
