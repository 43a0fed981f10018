import { quoted } from "../client/errors/echoedText";
import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { describe } from "../client/validation";

/** A point in time: ISO-8601 text with a zone (`2026-11-20T03:00:00Z`), epoch milliseconds (number or digits), or a Date. */
export type RestoreTimeInput = string | number | Date;

// ISO-8601 date-time with a mandatory zone: a time without one means a different instant on every machine.
const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})$/;
const DIGITS = /^\d+$/;
// Restore times are instants of the years 1970 to 9999: what epoch milliseconds, the API's `yyyy-mm-dd` day and
// ISO-8601's four-digit year can all express.
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Epoch milliseconds (UTC) of a restore time given as ISO-8601 text with a zone, epoch milliseconds (a number, or
 * digits as text — Pulumi config values are text), or a Date, from 1970 to the end of 9999. Anything else is refused,
 * naming `argument`.
 */
export function parseRestoreTime(value: RestoreTimeInput | unknown, argument = "restoreTime"): number {
  return withinYears(parseInstant(value, argument), value, argument);
}

function parseInstant(value: unknown, argument: string): number {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new InvalidArgumentError(argument, "is an invalid Date");
    return value.getTime();
  }
  if (typeof value === "number") return epochMs(value, argument);
  if (typeof value !== "string") {
    throw new InvalidArgumentError(
      argument,
      `must be ISO-8601 text, epoch milliseconds or a Date, got ${describe(value)}`,
    );
  }
  const text = value.trim();
  if (DIGITS.test(text)) return epochMs(Number(text), argument);
  const match = ISO_WITH_ZONE.exec(text);
  if (!match) {
    throw new InvalidArgumentError(
      argument,
      `${quoted(value, 100)} is not an ISO-8601 date-time with a zone (e.g. "2026-11-20T03:00:00Z" or "2026-11-20T11:00:00+08:00") nor epoch milliseconds`,
    );
  }
  const [, year, month, day, hour, minute, second = "0"] = match.map((part) => part ?? "0");
  const fields = [year, month, day, hour, minute, second].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Date.UTC reads the years 0–99 as 1900–1999: refuse early years before they are misread.
  if (fields[0] < 1970) throw outsideYears(value, argument);
  const asUtc = new Date(Date.UTC(fields[0], fields[1] - 1, fields[2], fields[3], fields[4], fields[5]));
  const roundTrips =
    asUtc.getUTCFullYear() === fields[0] &&
    asUtc.getUTCMonth() === fields[1] - 1 &&
    asUtc.getUTCDate() === fields[2] &&
    asUtc.getUTCHours() === fields[3] &&
    asUtc.getUTCMinutes() === fields[4] &&
    asUtc.getUTCSeconds() === fields[5];
  const parsed = Date.parse(text.replace(" ", "T"));
  if (!roundTrips || Number.isNaN(parsed)) {
    throw new InvalidArgumentError(argument, `${quoted(value, 100)} is not a real date and time`);
  }
  return parsed;
}

function withinYears(instant: number, value: unknown, argument: string): number {
  if (instant < 0 || instant > LATEST) throw outsideYears(value, argument);
  return instant;
}

function outsideYears(value: unknown, argument: string): InvalidArgumentError {
  const shown =
    typeof value === "string" ? quoted(value, 100) : value instanceof Date ? value.toISOString() : String(value);
  return new InvalidArgumentError(argument, `${shown} is outside the years 1970 to 9999`);
}

function epochMs(value: number, argument: string): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidArgumentError(argument, `must be a non-negative integer of epoch milliseconds, got ${value}`);
  }
  return value;
}

/** The UTC calendar day of an instant, `yyyy-mm-dd`: what the restore-time API's `date` parameter takes. */
export function utcDay(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().slice(0, 10);
}
