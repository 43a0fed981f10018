import { quoted } from "../client/errors/echoedText";
import { InvalidArgumentError } from "../client/errors/InvalidArgumentError";
import { requireString } from "../client/validation";

/** The engines the API lists, spelled as it spells them. */
export const DATASTORE_TYPES = ["MySQL", "PostgreSQL", "SQLServer", "MariaDB"] as const;

/** The engine `name` denotes in any case, spelled as the API spells it (`mysql` → `MySQL`), or undefined. */
export function engineNamed(name: string | undefined): string | undefined {
  const lower = name?.toLowerCase();
  return DATASTORE_TYPES.find((type) => type.toLowerCase() === lower);
}

/**
 * An engine name in any case, as the API spells it (`mysql` → `MySQL`); a name that is no engine of the API would
 * only ever match nothing after reading every page, so it is refused before any request.
 */
export function validateDatastoreType(value: unknown, argument = "datastoreType"): string {
  const name = requireString(value, argument);
  const known = engineNamed(name);
  if (known === undefined) {
    throw new InvalidArgumentError(
      argument,
      `${quoted(name, 100)} is not an engine of the API; known engines: ${DATASTORE_TYPES.join(", ")}`,
    );
  }
  return known;
}
