const INT32_MAX = 2_147_483_647;

/**
 * A query parameter the API types as Integer: absent -> the default; otherwise exactly one value of plain digits
 * (the backend parses a Java int, so no sign, no spaces, nothing above 2^31-1) within [min, max].
 * Undefined means the value is invalid.
 */
export function integerParam(
  query: Record<string, string[]>,
  name: string,
  bounds: { readonly min: number; readonly max: number; readonly fallback: number },
): number | undefined {
  const values = query[name];
  if (values === undefined) return bounds.fallback;
  const [value] = values;
  if (values.length !== 1 || value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > INT32_MAX || n < bounds.min || n > bounds.max ? undefined : n;
}
