/**
 * Orders strings by Unicode code point, which is the order of their UTF-8 bytes: the order Go's `sort.Strings`
 * and Python's `sorted` give. JavaScript's default sort compares UTF-16 code units instead, which puts characters
 * above U+FFFF (emoji) before U+E000–U+FFFF.
 */
export function compareCodePoints(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, "utf8"), Buffer.from(right, "utf8"));
}
