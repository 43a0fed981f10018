/**
 * The headers keyed by lowercase name. Two names that differ only in case would be sent as one header with both
 * values joined, so which value to sign is ambiguous: that is an error rather than a guess.
 */
export function lowercaseNames(headers: Record<string, string>): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [name, value] of Object.entries(headers)) {
    const lowercase = name.toLowerCase();
    if (byName.has(lowercase)) {
      throw new TypeError(`Header "${lowercase}" is given more than once (names differing only in case)`);
    }
    byName.set(lowercase, value);
  }
  return byName;
}
