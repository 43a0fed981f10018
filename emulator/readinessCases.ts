import { projectIdFor } from "./projects";
import type { OffsiteBackupInstance, RestoreTimeRange } from "./types";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** An instance of the readiness cases: how it is listed, and what its restore-time lookup answers. */
export interface ReadinessCase {
  readonly instance: OffsiteBackupInstance;
  /** The ranges, or `"fails"`: every lookup answers `500 DBS.108000`. */
  readonly ranges: readonly RestoreTimeRange[] | "fails";
}

type CaseShape = {
  readonly id: string;
  readonly name: string;
  readonly engine: { type: string; version: string };
  readonly sourceRegion: string;
  readonly keepDays: number;
  /** Ranges as [start, end] offsets from the anchor, ms. */
  readonly ranges: readonly (readonly [number, number])[] | "fails";
};

/**
 * What a recovery-readiness check must tell apart, relative to the anchor: an instance whose backups stopped three
 * days ago (stale), one whose ranges have holes of hours (gaps), one with no range at all (unprotected, and a name
 * with markup and a terminal escape, as outside text a report must escape), one whose lookup always fails, one kept
 * 1,825 days (long retention, ready) and one ready instance.
 */
const SHAPES: readonly CaseShape[] = [
  {
    id: "ca5e0001a0b1c2d3e4f5a6b7c8d9e0f1in01",
    name: "dr-stale-orders",
    engine: { type: "MySQL", version: "8.0" },
    sourceRegion: "cn-north-4",
    keepDays: 7,
    ranges: [[-7 * DAY + 10 * MINUTE, -3 * DAY]],
  },
  {
    id: "ca5e0002a0b1c2d3e4f5a6b7c8d9e0f1in03",
    name: "dr-holes-billing",
    engine: { type: "PostgreSQL", version: "15" },
    sourceRegion: "cn-east-3",
    keepDays: 7,
    ranges: [
      [-7 * DAY + 5 * MINUTE, -5 * DAY],
      [-5 * DAY + 6 * HOUR, -2 * DAY],
      [-2 * DAY + 12 * HOUR, -3 * MINUTE],
    ],
  },
  {
    id: "ca5e0003a0b1c2d3e4f5a6b7c8d9e0f1in04",
    name: 'crm <legacy> & "old"\u001b[31m',
    engine: { type: "SQLServer", version: "2019_SE" },
    sourceRegion: "cn-south-1",
    keepDays: 7,
    ranges: [],
  },
  {
    id: "ca5e0004a0b1c2d3e4f5a6b7c8d9e0f1in01",
    name: "dr-failing-ledger",
    engine: { type: "MySQL", version: "5.7" },
    sourceRegion: "cn-north-4",
    keepDays: 7,
    ranges: "fails",
  },
  {
    id: "ca5e0005a0b1c2d3e4f5a6b7c8d9e0f1in01",
    name: "dr-archive-erp",
    engine: { type: "MariaDB", version: "10.5" },
    sourceRegion: "cn-east-2",
    keepDays: 1825,
    ranges: [
      [-1825 * DAY, -900 * DAY],
      [-900 * DAY + 1, -2 * MINUTE],
    ],
  },
  {
    id: "ca5e0006a0b1c2d3e4f5a6b7c8d9e0f1in01",
    name: "dr-ready-payments",
    engine: { type: "MySQL", version: "8.0" },
    sourceRegion: "cn-north-1",
    keepDays: 7,
    ranges: [[-7 * DAY, -4 * MINUTE]],
  },
];

/** The readiness cases listed in `region`, ranges anchored at `anchor`. */
export function readinessCases(seed: number, region: string, anchor: number): ReadinessCase[] {
  return SHAPES.map((shape) => ({
    instance: Object.freeze({
      id: shape.id,
      name: shape.name,
      source_region: shape.sourceRegion,
      source_project_id: projectIdFor(seed, shape.sourceRegion),
      datastore: Object.freeze({ ...shape.engine }),
      destination_region: region,
      destination_project_id: projectIdFor(seed, region),
      keep_days: shape.keepDays,
    }),
    ranges:
      shape.ranges === "fails"
        ? "fails"
        : shape.ranges.map(([start, end]) => Object.freeze({ start_time: anchor + start, end_time: anchor + end })),
  }));
}
