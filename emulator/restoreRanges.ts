import { hashSeed, Random } from "./random";
import type { RestoreTimeRange } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Retention assumed for instances whose listing omits `keep_days` (the backups still have one). */
export const RETENTION_WHEN_UNLISTED_DAYS = 7;

/**
 * The restorable ranges of one instance: 1-4 ranges, ascending, separated by gaps (missing log backups), all within
 * [anchor - keepDays days, anchor]. The first starts a little after the window opens (the oldest full backup copied),
 * the last ends 1-30 minutes before the anchor (the newest log backup copied). Ranges of a day or more cross UTC
 * midnight, so the datasets always contain ranges that appear on two dates.
 */
export function generateRestoreRanges(
  seed: number,
  instanceId: string,
  keepDays: number,
  anchor: number,
): RestoreTimeRange[] {
  const random = new Random(hashSeed(seed, "restore", instanceId));
  const retention = keepDays * DAY;
  const first = anchor - retention + random.int(5 * MINUTE, Math.floor(Math.min(retention * 0.15, 2 * DAY)));
  const last = anchor - random.int(MINUTE, 30 * MINUTE);
  const roll = random.next();
  const count = roll < 0.45 ? 1 : roll < 0.75 ? 2 : roll < 0.9 ? 3 : 4;
  // Cut i sits within a quarter segment of its even position and its gap is at most a quarter segment long, so
  // ranges never overlap and each keeps at least a quarter segment.
  const segment = (last - first) / count;
  const quarter = segment / 4;
  const ranges: RestoreTimeRange[] = [];
  let start = first;
  for (let i = 1; i < count; i++) {
    const cut = Math.round(first + segment * i + (random.next() * 2 - 1) * quarter);
    const gap = random.int(Math.min(10 * MINUTE, Math.floor(quarter)), Math.floor(Math.min(8 * HOUR, quarter)));
    ranges.push(Object.freeze({ start_time: start, end_time: cut }));
    start = cut + gap;
  }
  ranges.push(Object.freeze({ start_time: start, end_time: last }));
  return ranges;
}

/**
 * The ranges that overlap the UTC day starting at `dayStart`, unclipped: a range crossing midnight is returned whole
 * on both dates. (The API page does not say whether the service clips; returning whole ranges keeps the values
 * identical to the undated answer, so a client cannot come to rely on clipping.)
 */
export function rangesOnDay(ranges: readonly RestoreTimeRange[], dayStart: number): RestoreTimeRange[] {
  const dayEnd = dayStart + DAY;
  return ranges.filter((r) => r.start_time < dayEnd && r.end_time >= dayStart);
}
