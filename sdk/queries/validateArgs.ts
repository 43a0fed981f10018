import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { describe, requireString, validateInteger, validateProjectId, validateRegion } from "../client/validation";

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

/** `region` and `projectId`, when given. */
export function validateRegionArgs(args: Record<string, unknown>): { region?: string; projectId?: string } {
  return {
    ...(args.region === undefined ? {} : { region: validateRegion(args.region) }),
    ...(args.projectId === undefined ? {} : { projectId: validateProjectId(args.projectId) }),
  };
}

export function optionalString(args: Record<string, unknown>, key: string): string | undefined {
  return args[key] === undefined ? undefined : requireString(args[key], key);
}

export function optionalInteger(args: Record<string, unknown>, key: string, min: number, max: number) {
  return args[key] === undefined ? undefined : validateInteger(args[key], key, min, max);
}
