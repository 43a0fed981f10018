import type {
  InstanceReadiness,
  LookupError,
  OffsiteBackupInstance,
  ReadinessSummary,
  RestoreTimeRange,
  UncoveredTime,
} from "../dataSources/types";

/**
 * How an instance stands, from ready to worst: the worst that applies is its status. `stale` ranks above `gaps`: the
 * lag is itself uncovered time, so a stale instance is nearly always short of coverage too, and `stale` names why.
 */
export const READINESS_STATUSES = ["ok", "gaps", "stale", "unprotected", "error"] as const;
export type ReadinessStatus = (typeof READINESS_STATUSES)[number];

const DAY_MS = 86_400_000;

/** What "ready" means: each instance is judged against these. */
export interface ReadinessThresholds {
  /** Longest accepted time from the latest restorable instant to `asOf`; a lag exactly this long is still ready. */
  readonly maxLagMs: number;
  /** Smallest accepted fraction (0 to 1) of the retention window the ranges cover. */
  readonly minCoverage: number;
  /** Uncovered stretches this long or shorter are not listed as gaps (coverage still counts them). */
  readonly minGapMs: number;
}

/** One listed instance and what its restore-time lookup gave: its ranges, or why there are none. */
export type InstanceLookup =
  | { readonly instance: OffsiteBackupInstance; readonly ranges: readonly RestoreTimeRange[] }
  | { readonly instance: OffsiteBackupInstance; readonly error: LookupError };

export interface Readiness {
  readonly ready: boolean;
  readonly summary: ReadinessSummary;
  /** Worst first (see `compareReadiness`). */
  readonly instances: InstanceReadiness[];
}

/**
 * Recovery readiness of a region's instances as of `asOf` (epoch ms): each instance judged against `thresholds`,
 * worst first, with counts. Pure: the clock is an argument, so a report is reproducible.
 *
 * @example
 * assessReadiness(lookups, Date.parse("2026-12-01T00:00:00Z"), { maxLagMs: 900_000, minCoverage: 0.995, minGapMs: 300_000 })
 */
export function assessReadiness(
  lookups: readonly InstanceLookup[],
  asOf: number,
  thresholds: ReadinessThresholds,
): Readiness {
  const instances = lookups.map((lookup) => assessInstance(lookup, asOf, thresholds)).sort(compareReadiness);
  const summary = summarize(instances);
  return { ready: summary.ok === summary.total, summary, instances };
}

/**
 * One instance, as of `asOf`. Ranges are both ends inclusive; only what lies at or before `asOf` counts (a report
 * as of an earlier time ignores later backups). The retention window is `[asOf − keepDays, asOf]`, or, when the
 * listing gives no `keepDays`, from the earliest restorable instant to `asOf`.
 */
export function assessInstance(
  lookup: InstanceLookup,
  asOf: number,
  thresholds: ReadinessThresholds,
): InstanceReadiness {
  const { instance } = lookup;
  const described = {
    id: instance.id,
    name: instance.name,
    datastore: instance.datastore,
    sourceRegion: instance.sourceRegion,
    keepDays: instance.keepDays,
  };
  if ("error" in lookup) {
    return {
      ...described,
      status: "error",
      ...absentTimes,
      coverage: undefined,
      gaps: [],
      ranges: [],
      error: lookup.error,
    };
  }
  // Half-open [start, end + 1): inclusive ranges that touch (one ends at t, the next starts at t + 1) merge exactly.
  const spans = mergedSpans(lookup.ranges, asOf);
  const ranges = lookup.ranges.slice();
  const first = spans[0];
  const last = spans[spans.length - 1];
  if (first === undefined || last === undefined) {
    return { ...described, status: "unprotected", ...absentTimes, coverage: 0, gaps: [], ranges, error: undefined };
  }
  const latest = last.end - 1;
  const earliest = first.start;
  const windowStart = retentionWindowStart(instance.keepDays, earliest, asOf);
  const windowLength = asOf + 1 - windowStart;
  let covered = 0;
  for (const span of spans) covered += Math.max(0, span.end - Math.max(span.start, windowStart));
  const coverage = windowLength > 0 ? covered / windowLength : 1;
  const lagMs = asOf - latest;
  const gaps = uncovered(spans, windowStart, latest, thresholds.minGapMs);
  const status: ReadinessStatus =
    lagMs > thresholds.maxLagMs ? "stale" : coverage < thresholds.minCoverage ? "gaps" : "ok";
  return {
    ...described,
    status,
    latestRestorableTime: latest,
    lagMs,
    earliestRestorableTime: earliest,
    coverage,
    gaps,
    ranges,
    error: undefined,
  };
}

/**
 * Where an instance's retention window opens: `asOf − keepDays`, or, when the listing gives no `keepDays`, its earliest
 * restorable instant. The window closes at `asOf`.
 */
export function retentionWindowStart(keepDays: number | undefined, earliest: number | undefined, asOf: number): number {
  if (keepDays !== undefined) return asOf - keepDays * DAY_MS;
  return earliest ?? asOf;
}

const absentTimes = { latestRestorableTime: undefined, lagMs: undefined, earliestRestorableTime: undefined };

interface Span {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

/** The ranges' parts at or before `asOf`, as sorted, disjoint, non-touching half-open spans. */
function mergedSpans(ranges: readonly RestoreTimeRange[], asOf: number): Span[] {
  const sorted = ranges
    .filter((range) => range.startTime <= asOf && range.startTime <= range.endTime)
    .map((range) => ({ start: range.startTime, end: Math.min(range.endTime, asOf) + 1 }))
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const span of sorted) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && span.start <= previous.end) previous.end = Math.max(previous.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/** Stretches of `[windowStart, latest]` no span covers, longer than `minGapMs`, as inclusive instants. */
function uncovered(spans: readonly Span[], windowStart: number, latest: number, minGapMs: number): UncoveredTime[] {
  const gaps: UncoveredTime[] = [];
  let from = windowStart;
  for (const span of spans) {
    if (span.start > from && span.start - from > minGapMs) gaps.push({ startTime: from, endTime: span.start - 1 });
    from = Math.max(from, span.end);
    if (from > latest) break;
  }
  return gaps;
}

/** Worst status first; then the longest lag, the lowest coverage, and the id, so the order is total. */
function compareReadiness(a: InstanceReadiness, b: InstanceReadiness): number {
  return (
    severity(b.status) - severity(a.status) ||
    (b.lagMs ?? -1) - (a.lagMs ?? -1) ||
    (a.coverage ?? 2) - (b.coverage ?? 2) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function severity(status: string): number {
  return READINESS_STATUSES.indexOf(status as ReadinessStatus);
}

function summarize(instances: readonly InstanceReadiness[]): ReadinessSummary {
  const counts = { ok: 0, stale: 0, gaps: 0, unprotected: 0, error: 0 };
  let worstLagMs: number | undefined;
  for (const instance of instances) {
    counts[instance.status as ReadinessStatus] += 1;
    if (instance.lagMs !== undefined && (worstLagMs === undefined || instance.lagMs > worstLagMs)) {
      worstLagMs = instance.lagMs;
    }
  }
  return { total: instances.length, ...counts, worstLagMs };
}
