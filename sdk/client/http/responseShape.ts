import { shown } from "../errors/echoedText";
/** Checks of a 200's body against what the API reference promises; a failed check names the field. */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The problem with `record[key]` as an optional field of type `expected`, or undefined when it is absent (or null,
 * as some regional variants send) or of that type.
 */
export function optionalFieldProblem(
  record: Record<string, unknown>,
  key: string,
  where: string,
  expected: "string" | "non-negative integer",
): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  const ok =
    expected === "string"
      ? typeof value === "string"
      : typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
  return ok ? undefined : `\`${where}.${key}\` is ${shown(value, 50)}, not a ${expected}`;
}
