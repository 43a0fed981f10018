import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { describe } from "../client/validation";

/**
 * What an unrestorable time does: `"fail"` fails with the refusal message (`checkRestoreTime` itself; `RestoreGate`,
 * the program); `"warn"` logs it as a warning and answers `restorable: false`.
 */
export type OnUnavailable = "fail" | "warn";

/** `"fail"` or `"warn"`, or an InvalidArgumentError naming `argument`. */
export function validateOnUnavailable(value: unknown, argument = "onUnavailable"): OnUnavailable {
  if (value === "fail" || value === "warn") return value;
  throw new InvalidArgumentError(argument, `must be "fail" or "warn", got ${describe(value)}`);
}
