import { quoted } from "./errors/echoedText";
import { InvalidArgumentError } from "./errors/InvalidArgumentError";

// Huawei region ids: `cn-north-4`, `ap-southeast-1`, `eu-west-101`, `ru-northwest-2`, `la-north-2`.
const REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,3}$/;
// Instance ids are 32 hex digits plus an engine suffix (`…in01`); we accept any id of the characters ids are made of,
// and nothing that could change the shape of a request path (`/`, `.`, `%`, `?`, `#`, spaces).
const INSTANCE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
// Project ids are 32 hex digits on the public cloud; some deployments use UUIDs.
export const PROJECT_ID = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function requireString(value: unknown, argument: string): string {
  if (value === undefined) throw new InvalidArgumentError(argument, "is required");
  if (typeof value !== "string") throw new InvalidArgumentError(argument, `must be a string, got ${describe(value)}`);
  return value;
}

export function validateRegion(value: unknown, argument = "region"): string {
  const region = requireString(value, argument);
  if (!REGION.test(region)) {
    throw new InvalidArgumentError(
      argument,
      `${quoted(region)} is not a Huawei Cloud region id such as "ap-southeast-1"`,
    );
  }
  return region;
}

export function validateInstanceId(value: unknown, argument = "instanceId"): string {
  const id = requireString(value, argument);
  if (id === "") throw new InvalidArgumentError(argument, "must not be empty");
  if (!INSTANCE_ID.test(id)) {
    throw new InvalidArgumentError(
      argument,
      `${quoted(id)} is not an RDS instance id (letters, digits, "-" and "_" only, at most 128 characters)`,
    );
  }
  return id;
}

export function validateProjectId(value: unknown, argument = "projectId"): string {
  const id = requireString(value, argument);
  if (!PROJECT_ID.test(id)) throw new InvalidArgumentError(argument, `${quoted(id)} is not a project id`);
  return id;
}

/** A real `yyyy-mm-dd` calendar day (no 2023-02-29, no 2024-13-01). */
export function validateDate(value: unknown, argument = "date"): string {
  const date = requireString(value, argument);
  const match = DATE.exec(date);
  const valid =
    match !== null &&
    new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))).toISOString().slice(0, 10) === date;
  if (!valid) throw new InvalidArgumentError(argument, `${quoted(date)} is not a calendar day in yyyy-mm-dd form`);
  return date;
}

export function validateInteger(value: unknown, argument: string, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isSafeInteger(value)) {
    throw new InvalidArgumentError(argument, `must be an integer, got ${describe(value)}`);
  }
  if (value < min || value > max)
    throw new InvalidArgumentError(argument, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (value === undefined) return "undefined";
  if (typeof value === "string") return `the string ${quoted(value)}`;
  if (typeof value === "object") return "an object";
  return `${typeof value} ${String(value)}`;
}

// Header values are Latin-1 without control characters; Huawei's keys and tokens are plain ASCII. A value outside
// that (a pasted line break, a smart quote) can never sign a request: refuse it before one is attempted.
const CREDENTIAL = /^[\x21-\x7e]+$/;

/**
 * An access key, secret key or security token, refused (without echoing it: it is a credential) when it holds a
 * character no request could carry.
 */
export function validateCredential(value: unknown, argument: string): string {
  const text = requireString(value, argument);
  const bad = [...text].findIndex((char) => !CREDENTIAL.test(char));
  if (bad >= 0) {
    const code = text.codePointAt(bad) ?? 0;
    const what =
      code === 0x0a || code === 0x0d
        ? "a line break"
        : code === 0x20
          ? "a space"
          : `the character U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    throw new InvalidArgumentError(
      argument,
      `contains ${what} at position ${bad + 1}; credentials are printable ASCII (the value is not shown)`,
    );
  }
  return text;
}

/**
 * An http(s) endpoint URL without user info, query or fragment, as `origin + path` without a trailing slash. User
 * info (`user:pass@`) is refused rather than dropped: it would never be sent, and it may be a password.
 */
export function validateEndpoint(value: unknown, argument: string): string {
  const text = requireString(value, argument);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    // Never echo what may be user info of a URL that failed to parse.
    throw new InvalidArgumentError(argument, `${quoted(text.replace(/\/\/[^/]*@/, "//…@"), 200)} is not a URL`);
  }
  if (url.username !== "" || url.password !== "") {
    throw new InvalidArgumentError(argument, "must not contain user info (user:password@); the URL is not shown");
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.search !== "" || url.hash !== "") {
    throw new InvalidArgumentError(argument, `${quoted(text, 200)} must be an http(s) URL without query or fragment`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
