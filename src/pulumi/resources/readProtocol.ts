// What the program side and the provider process agree on for a data source's read (no Pulumi import: the provider
// loads it too).

/** Prefix of the id of a reading whose arguments the program refused (the rest is its message): `read` makes no request. */
export const INVALID_ARGUMENTS = "invalid-arguments: ";

/**
 * An input the program gives every read: a program is there to report a failure (`refresh` reads with the stored
 * outputs, which do not echo it, and no program runs).
 */
export const IN_PROGRAM = "inProgram";

/**
 * The output a read that failed for a reason the package describes (configuration, the API) answers with, in a program,
 * instead of failing: its message (empty after a successful read). The program stops with it, once, on one line, naming the resource; a failed read
 * would be shown as `Preview failed: …`, followed by the provider process's stack trace.
 */
export const FAILURE = "failure";
