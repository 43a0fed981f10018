/** Epoch ms of UTC midnight of a `yyyy-mm-dd` date, or undefined unless it is that form and a real calendar day. */
export function parseCalendarDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.toISOString().slice(0, 10) === text ? date.getTime() : undefined;
}
