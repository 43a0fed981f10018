import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { describe } from "../client/validation";
import type { ArgumentDefinition } from "./definition";

/**
 * Refuses anything but a plain object with known keys: a misspelt `instanceID` silently ignored would return every
 * instance where the user asked for one.
 */
export function validateArgsObject(args: unknown, allowed: readonly string[], what: string): Record<string, unknown> {
  if (args === undefined || args === null) return {};
  if (typeof args !== "object" || Array.isArray(args)) {
    throw new InvalidArgumentError("args", `${what} takes an object of arguments, got ${describe(args)}`);
  }
  for (const key of Object.keys(args)) {
    if (!allowed.includes(key) && (args as Record<string, unknown>)[key] !== undefined) {
      const hint = allowed.find((candidate) => candidate.toLowerCase() === key.toLowerCase());
      throw new InvalidArgumentError(
        key,
        `unknown argument of ${what}${hint ? `; did you mean "${hint}"?` : `; known arguments: ${allowed.join(", ")}`}`,
      );
    }
  }
  return args as Record<string, unknown>;
}

/**
 * Each argument given (or required) checked by the validator its definition names, in definition order (so the first
 * bad one is the one named); the result holds the checked values of the arguments given, and no other key.
 */
export function validateArguments(
  definitions: Readonly<Record<string, ArgumentDefinition>>,
  args: Record<string, unknown>,
): Record<string, unknown> {
  const checked: Record<string, unknown> = {};
  for (const [key, definition] of Object.entries(definitions)) {
    if (args[key] !== undefined || definition.required) checked[key] = definition.validate(args[key], key);
  }
  return checked;
}
