import { compareCodePoints } from "./compareCodePoints.js";
import { percentEncode } from "./percentEncode.js";

/**
 * The canonical query string: one `key=value` pair per parameter (a repeated key gives one pair per value), sorted
 * by decoded key and then decoded value, both encoded like path segments, joined by `&`. No parameters, no text.
 * @example canonicalQuery(new URLSearchParams("b=2&a=y&a=x")) // "a=x&a=y&b=2"
 */
export function canonicalQuery(searchParams: URLSearchParams): string {
  return [...searchParams]
    .sort(([keyA, valueA], [keyB, valueB]) => compareCodePoints(keyA, keyB) || compareCodePoints(valueA, valueB))
    .map(([key, value]) => `${percentEncode(key)}=${percentEncode(value)}`)
    .join("&");
}
