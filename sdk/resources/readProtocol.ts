// What the program side and the provider process agree on for a data source's read (no Pulumi import: the provider
// loads it too).

/** Prefix of the id of a reading whose arguments the program refused (the rest is its message): `read` makes no request. */
export const INVALID_ARGUMENTS = "invalid-arguments: ";
