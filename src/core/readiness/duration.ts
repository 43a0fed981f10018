import { quoted } from "../client/errors/echoedText";
import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { describe } from "../client/validation";

/** A length of time: text such as `90s`, `15m`, `2h`, `1d`, or milliseconds (a number, or digits as text). */
export type DurationInput = string | number;

const UNIT_MS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
const DURATION = /^(\d+)([smhd])$/;
const DIGITS = /^\d+$/;
/** Longer than any retention period (the API keeps at most a few years): a bound that keeps the arithmetic exact. */
const LONGEST_MS = 100_000 * UNIT_MS.d;

/**
 * Milliseconds of a duration given as a whole number of seconds, minutes, hours or days (`90s`, `15m`, `2h`, `1d`),
 * or as milliseconds (a non-negative integer, or digits as text). Anything else is refused, naming `argument`.
 */
export function parseDuration(value: unknown, argument: string): number {
  let ms: number;
  if (typeof value === "number") {
    ms = value;
  } else if (typeof value === "string") {
    const text = value.trim();
    const match = DURATION.exec(text);
    if (match) ms = Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
    else if (DIGITS.test(text)) ms = Number(text);
    else {
      throw new InvalidArgumentError(
        argument,
        `${quoted(value, 50)} is not a duration such as "90s", "15m", "2h" or "1d" (or milliseconds)`,
      );
    }
  } else {
    throw new InvalidArgumentError(
      argument,
      `must be a duration such as "15m" or milliseconds, got ${describe(value)}`,
    );
  }
  if (!Number.isSafeInteger(ms) || ms < 0) {
    throw new InvalidArgumentError(argument, `must be a non-negative whole number of milliseconds, got ${value}`);
  }
  if (ms > LONGEST_MS)
    throw new InvalidArgumentError(argument, `must be at most 100000 days, got ${quoted(String(value), 50)}`);
  return ms;
}

/** A fraction from 0 to 1 (a percent divided by 100), refused otherwise, naming `argument`. */
export function validateFraction(value: unknown, argument: string): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new InvalidArgumentError(argument, `must be a number from 0 to 1, got ${describe(value)}`);
  }
  if (value < 0 || value > 1) throw new InvalidArgumentError(argument, `must be from 0 to 1, got ${value}`);
  return value;
}
