import { shown } from "../errors/echoedText";

/** Checks of a 200's body against what the API reference promises; a failed check names the field. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export type FieldType = "string" | "non-negative integer";

/**
 * Whether `value` fits an optional field of type `expected`: absent (or null, as some regional variants send) or of
 * that type. A bare predicate, so the check of thousands of rows builds no text unless one fails.
 */
export function fitsOptional(value: unknown, expected: FieldType): boolean {
  if (value === undefined || value === null) return true;
  return expected === "string"
    ? typeof value === "string"
    : typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

/** The problem, naming the field, of a value that does not fit. */
export function fieldProblem(field: string, value: unknown, expected: FieldType): string {
  return `\`${field}\` is ${shown(value, 50)}, not a ${expected}`;
}
