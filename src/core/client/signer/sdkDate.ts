/**
 * Formats a date as `X-Sdk-Date` wants it, `YYYYMMDDTHHMMSSZ` in UTC; milliseconds are dropped.
 * Throws a `RangeError` for an invalid date or a year outside 0000–9999, which the format cannot hold.
 * @example formatSdkDate(new Date("2019-11-15T03:36:55.123Z")) // "20191115T033655Z"
 */
export function formatSdkDate(date: Date): string {
  const iso = date.toISOString();
  if (!/^\d{4}-/.test(iso)) {
    throw new RangeError(`X-Sdk-Date cannot hold the year of ${iso}`);
  }
  return iso.replace(/[-:]|\.\d{3}/g, "");
}
