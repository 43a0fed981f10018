import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { describe } from "../client/validation";
import type { RestoreTimeInput } from "../queries/types";

// ISO-8601 date-time with a mandatory zone: a time without one means a different instant on every machine.
const ISO_WITH_ZONE =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?([Zz]|[+-]\d{2}:?\d{2})$/;
const DIGITS = /^\d+$/;

/**
 * Epoch milliseconds (UTC) of a restore time given as ISO-8601 text with a zone, epoch milliseconds (a number, or
 * digits as text — Pulumi config values are text), or a Date. Anything else is refused, naming `argument`.
 */
export function parseRestoreTime(value: RestoreTimeInput | unknown, argument = "restoreTime"): number {
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
      `"${value}" is not an ISO-8601 date-time with a zone (e.g. "2026-11-20T03:00:00Z" or "2026-11-20T11:00:00+08:00") nor epoch milliseconds`,
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
    throw new InvalidArgumentError(argument, `"${value}" is not a real date and time`);
  }
  return parsed;
}

function epochMs(value: number, argument: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(argument, `must be a non-negative integer of epoch milliseconds, got ${value}`);
  }
  return value;
}

/** The UTC calendar day of an instant, `yyyy-mm-dd`: what the restore-time API's `date` parameter takes. */
export function utcDay(epochMilliseconds: number): string {
  return new Date(epochMilliseconds).toISOString().slice(0, 10);
}
