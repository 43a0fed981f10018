/** The request line's target, decoded the way the gateway decodes it before routing and signature checks. */
export interface RequestTarget {
  /** As received, still percent-encoded. */
  readonly rawPath: string;
  /**
   * Percent-decoded as a whole, like the nginx-based gateway does: an encoded "/" therefore splits a segment, so a
   * path parameter containing one changes the route (and cannot match an API).
   */
  readonly decodedPath: string;
  readonly segments: readonly string[];
  /** Decoded form-style ("+" is a space), repeated keys keep all values in order. */
  readonly query: Record<string, string[]>;
}

function decodeQueryComponent(text: string): string {
  return decodeURIComponent(text.replace(/\+/g, " "));
}

function parseQuery(rawQuery: string): Record<string, string[]> {
  const query: Record<string, string[]> = {};
  for (const pair of rawQuery.split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = decodeQueryComponent(eq < 0 ? pair : pair.slice(0, eq));
    const value = eq < 0 ? "" : decodeQueryComponent(pair.slice(eq + 1));
    // Object.hasOwn keeps keys like "__proto__" or "constructor" ordinary.
    if (Object.hasOwn(query, key)) query[key]!.push(value);
    else Object.defineProperty(query, key, { value: [value], enumerable: true, writable: true, configurable: true });
  }
  return query;
}

/** Undefined when the target is not an origin-form path or its percent-encoding is broken. */
export function parseTarget(url: string): RequestTarget | undefined {
  if (!url.startsWith("/")) return undefined;
  const questionMark = url.indexOf("?");
  const rawPath = questionMark < 0 ? url : url.slice(0, questionMark);
  const rawQuery = questionMark < 0 ? "" : url.slice(questionMark + 1);
  try {
    const decodedPath = decodeURIComponent(rawPath);
    return { rawPath, decodedPath, segments: decodedPath.split("/"), query: parseQuery(rawQuery) };
  } catch {
    return undefined;
  }
}
