/** How the engine hands a dynamic provider a value that is not known yet (an output of a resource not yet created). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export function unknownKeys(inputs: Record<string, unknown>): string[] {
  return Object.entries(inputs)
    .filter(([, value]) => containsUnknown(value))
    .map(([key]) => key);
}

function containsUnknown(value: unknown): boolean {
  if (value === UNKNOWN) return true;
  if (Array.isArray(value)) return value.some(containsUnknown);
  if (typeof value === "object" && value !== null) return Object.values(value).some(containsUnknown);
  return false;
}
