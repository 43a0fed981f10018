import { capped } from "./echoedText";

/**
 * Bad input, refused before any request is made. `argument` names the offending argument exactly as the caller
 * spelled it (e.g. `instanceId`, `keepDays`), so Pulumi's `check` can report it as `{ property, reason }`.
 */
export class InvalidArgumentError extends Error {
  override readonly name = "InvalidArgumentError";
  readonly argument: string;
  readonly reason: string;

  constructor(argument: string, reason: string) {
    super(`Invalid argument "${capped(argument, 100)}": ${reason}`);
    this.argument = argument;
    this.reason = reason;
  }
}

export function isInvalidArgumentError(error: unknown): error is InvalidArgumentError {
  return error instanceof InvalidArgumentError;
}
