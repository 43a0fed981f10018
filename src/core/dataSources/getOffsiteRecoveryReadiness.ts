import { isHuaweiCloudError } from "../client/errors/HuaweiCloudError";
import { resolveProjectId } from "../client/iam/resolveProjectId";
import type { ClientSettings } from "../client/settings/settings";
import { assessReadiness, type InstanceLookup, type ReadinessThresholds } from "../readiness/assessReadiness";
import { parseDuration, validateFraction } from "../readiness/duration";
import { parseRestoreTime } from "../restore/parseRestoreTime";
import { type ConfigurationLookup, settingsFor } from "./configurationLookup";
import {
  checkArguments,
  defineDataSource,
  type Fields,
  milliseconds,
  type ObjectTypeDefinition,
  type Where,
} from "./definition";
import {
  getOffsiteBackupInstances,
  INSTANCE_FIELDS,
  type InstanceFilters,
  listOffsiteBackupInstances,
  mapInstance,
  matchesFilters,
} from "./getOffsiteBackupInstances";
import { restoreTimeRangesOf } from "./getOffsiteRestoreTimeRanges";
import type {
  GetOffsiteRecoveryReadinessArgs,
  GetOffsiteRecoveryReadinessResult,
  OffsiteBackupInstance,
} from "./types";

/** The listing's arguments, region and filters alike: the same instances `getOffsiteBackupInstances` returns are assessed. */
const LISTING_ARGUMENTS = getOffsiteBackupInstances.arguments;

/** What is assumed when an argument is not given. */
export const READINESS_DEFAULTS = { maxLag: "1h", minCoverage: 0.99, minGap: "5m" } as const;

const string = { type: "string" } as const;
const integer = { type: "integer" } as const;

const uncoveredTime = {
  startTime: {
    type: milliseconds,
    required: true,
    description: "First instant no range covers, epoch milliseconds (UTC).",
  },
  endTime: {
    type: milliseconds,
    required: true,
    description: "Last instant no range covers, epoch milliseconds (UTC).",
  },
} as const satisfies Fields;

const lookupError = {
  errorCode: {
    type: string,
    required: true,
    description: "Huawei's code, e.g. `DBS.108000`, or `CLIENT.Timeout` when no answer came.",
  },
  message: { type: string, required: true, description: "What failed: the request, the status and Huawei's message." },
} as const satisfies Fields;

const count = (what: string) => ({ type: integer, required: true, description: `Instances ${what}.` }) as const;

const readinessSummary = {
  total: count("assessed (those the listing's filters kept)"),
  ok: count("ready: restorable recently enough over enough of their retention window"),
  stale: count("whose latest restorable time is more than `maxLag` old"),
  gaps: count("whose ranges cover less than `minCoverage` of their retention window"),
  unprotected: count("with no restorable time at all"),
  error: count("whose restore-time lookup failed"),
  worstLagMs: {
    type: milliseconds,
    required: false,
    description: "The longest lag of any instance with a restorable time, milliseconds; absent when none has one.",
  },
} as const satisfies Fields;

const instanceReadiness = {
  id: INSTANCE_FIELDS.id,
  name: INSTANCE_FIELDS.name,
  datastore: INSTANCE_FIELDS.datastore,
  sourceRegion: INSTANCE_FIELDS.sourceRegion,
  keepDays: {
    type: integer,
    required: false,
    description:
      "Days cross-region backups are kept: the retention window is `[asOf − keepDays, asOf]`. When the listing omits it, the window starts at `earliestRestorableTime`.",
  },
  status: {
    type: string,
    required: true,
    description:
      "The worst that applies, from best to worst: `ok`, `gaps` (coverage below `minCoverage`), `stale` (lag above `maxLag`; the lag is uncovered time too, so this one names the cause), `unprotected` (no restorable time), `error` (the lookup failed).",
  },
  latestRestorableTime: {
    type: milliseconds,
    required: false,
    description: "The latest restorable instant at or before `asOf`, epoch milliseconds (UTC).",
  },
  lagMs: {
    type: milliseconds,
    required: false,
    description: "`asOf` minus `latestRestorableTime`, milliseconds: how much recent data a restore now would lose.",
  },
  earliestRestorableTime: {
    type: milliseconds,
    required: false,
    description: "The earliest restorable instant, epoch milliseconds (UTC).",
  },
  coverage: {
    type: { type: "number" },
    required: false,
    description:
      "The fraction (0 to 1) of the retention window `[asOf − keepDays, asOf]` the ranges cover; 0 when unprotected, absent on error.",
  },
  gaps: {
    type: { type: "array", items: { ref: "UncoveredTime" } },
    required: true,
    description:
      "Stretches of `[asOf − keepDays, latestRestorableTime]` no range covers that are longer than `minGap`, oldest first.",
  },
  ranges: {
    type: { type: "array", items: { ref: "RestoreTimeRange" } },
    required: true,
    description: "The restore time ranges the lookup returned (empty on error).",
  },
  error: {
    type: { ref: "LookupError" },
    required: false,
    description: "Why the restore-time lookup failed, when it did (`status` is then `error`).",
  },
} as const satisfies Fields;

/** The object types of the readiness result. */
export const READINESS_OBJECT_TYPES = {
  InstanceReadiness: {
    description: "How ready one instance is to be restored from its cross-region backup, as of the result's `asOf`.",
    properties: instanceReadiness,
  },
  UncoveredTime: {
    description: "A stretch of the retention window no restore time range covers, both ends inclusive (epoch ms, UTC).",
    properties: uncoveredTime,
  },
  LookupError: { description: "Why an instance's restore-time lookup failed.", properties: lookupError },
  ReadinessSummary: {
    description: "How many instances are in each readiness status, and the worst lag.",
    properties: readinessSummary,
  },
} as const satisfies Record<string, ObjectTypeDefinition>;

/** Recovery readiness across the backup region: is every instance restorable, recently enough, over its retention? */
export const getOffsiteRecoveryReadiness = defineDataSource({
  name: "getOffsiteRecoveryReadiness",
  description:
    "Recovery readiness of every DB instance with cross-region backups in the queried (backup) region that the filters keep: each instance's restore time ranges judged against `maxLag` and `minCoverage`, worst first, with a summary. One instance whose lookup fails is a row with status `error`; a listing that fails fails the call.",
  arguments: {
    ...LISTING_ARGUMENTS,
    maxLag: {
      type: { type: "string" },
      tsType: "DurationInput",
      required: false,
      validate: parseDuration,
      description: `An instance is \`stale\` when its latest restorable time is more than this before \`asOf\`: \`90s\`, \`15m\`, \`2h\`, \`1d\`, or milliseconds. Default \`${READINESS_DEFAULTS.maxLag}\`.`,
      summary: `stale beyond this lag: 90s, 15m, 2h, 1d (default ${READINESS_DEFAULTS.maxLag})`,
      placeholder: "DURATION",
    },
    minCoverage: {
      type: { type: "number" },
      required: false,
      validate: validateFraction,
      description: `An instance has \`gaps\` when its ranges cover less than this fraction (0 to 1) of its retention window. Default \`${READINESS_DEFAULTS.minCoverage}\`.`,
    },
    minGap: {
      type: { type: "string" },
      tsType: "DurationInput",
      required: false,
      validate: parseDuration,
      description: `Uncovered stretches this long or shorter are not listed in \`gaps\` (coverage still counts them): a duration as \`maxLag\`. Default \`${READINESS_DEFAULTS.minGap}\`.`,
      summary: `list uncovered stretches longer than this (default ${READINESS_DEFAULTS.minGap})`,
      placeholder: "DURATION",
    },
    asOf: {
      type: { type: "string" },
      tsType: "RestoreTimeInput",
      required: false,
      validate: parseRestoreTime,
      description:
        "The instant readiness is judged at: ISO-8601 with a zone or epoch milliseconds. Default: now, when the call starts. Give it for a reproducible report.",
      summary: "judge readiness at this instant: ISO-8601 with a zone or epoch ms (default: now)",
      placeholder: "TIME",
    },
  },
  result: {
    region: { type: { type: "string" }, required: true, description: "The region queried." },
    asOf: {
      type: milliseconds,
      required: true,
      description: "The instant readiness was judged at, epoch milliseconds.",
    },
    maxLagMs: { type: milliseconds, required: true, description: "The `maxLag` used, milliseconds." },
    minCoverage: { type: { type: "number" }, required: true, description: "The `minCoverage` used (0 to 1)." },
    minGapMs: { type: milliseconds, required: true, description: "The `minGap` used, milliseconds." },
    ready: { type: { type: "boolean" }, required: true, description: "Whether every instance's status is `ok`." },
    summary: {
      type: { ref: "ReadinessSummary" },
      required: true,
      description: "How many instances are in each status, and the worst lag.",
    },
    instances: {
      type: { type: "array", items: { ref: "InstanceReadiness" } },
      required: true,
      description:
        "Every instance the filters keep, worst first: by status (`error`, `unprotected`, `stale`, `gaps`, `ok`), then the longest lag, the lowest coverage, the id.",
    },
  },
});

export function validateOffsiteRecoveryReadinessArgs(args: unknown): {
  where: Where;
  filters: InstanceFilters;
  thresholds: ReadinessThresholds;
  asOf: number | undefined;
} {
  const { where, values } = checkArguments(getOffsiteRecoveryReadiness, args);
  const { maxLag, minCoverage, minGap, asOf, ...filters } = values;
  return {
    where,
    filters: filters as InstanceFilters,
    thresholds: {
      maxLagMs: (maxLag as number | undefined) ?? parseDuration(READINESS_DEFAULTS.maxLag, "maxLag"),
      minCoverage: (minCoverage as number | undefined) ?? READINESS_DEFAULTS.minCoverage,
      minGapMs: (minGap as number | undefined) ?? parseDuration(READINESS_DEFAULTS.minGap, "minGap"),
    },
    asOf: asOf as number | undefined,
  };
}

/** Told how far a scan is: `looked` of `total` lookups done (first called with 0 once the listing is in). */
export type ScanProgress = (looked: number, total: number) => void;

/**
 * Lists the region's instances as `getOffsiteBackupInstances` does (every page, the same filters), asks each kept
 * instance for its restore time ranges, and judges them (see `assessReadiness`).
 *
 * Requests: the project lookup (once per process, none when a project id is configured), the listing's pages, and one
 * undated restore-time lookup per kept instance, all under the process-wide limiter (`maxConcurrency` in flight). A
 * lookup that fails with a Huawei Cloud error becomes that instance's `error` row; a listing that fails (or stays
 * inconsistent) fails the call.
 */
export async function queryOffsiteRecoveryReadiness(
  args: GetOffsiteRecoveryReadinessArgs | undefined,
  lookup: ConfigurationLookup,
  progress?: ScanProgress,
): Promise<GetOffsiteRecoveryReadinessResult> {
  const { where, filters, thresholds, asOf: givenAsOf } = validateOffsiteRecoveryReadinessArgs(args);
  const asOf = givenAsOf ?? Date.now();
  const settings = settingsFor(where, lookup);
  const projectId = await resolveProjectId(settings);
  const instances = await listedInstances(settings, projectId, filters);
  let looked = 0;
  progress?.(looked, instances.length);
  // Twice as many workers as requests may be in flight, each taking the next instance: the limiter bounds what is
  // sent, and this bounds what waits for it (10,000 lookups queued at once held ~90 MB more at the peak). The second
  // half waits in the limiter's queue, so an answer's slot goes to the next lookup at once, before the answer is
  // mapped and the worker loops (issue 23: that turnaround bounds the scan), rather than after.
  const lookups = new Array<InstanceLookup>(instances.length);
  let next = 0;
  const worker = async () => {
    while (next < instances.length) {
      const index = next++;
      const instance = instances[index] as OffsiteBackupInstance;
      try {
        lookups[index] = { instance, ranges: await restoreTimeRangesOf(settings, projectId, instance.id, undefined) };
      } catch (error) {
        if (!isHuaweiCloudError(error)) throw error;
        lookups[index] = { instance, error: { errorCode: error.errorCode, message: error.message } };
      }
      looked += 1;
      progress?.(looked, instances.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(2 * settings.maxConcurrency, instances.length) }, worker));
  return { region: settings.region, asOf, ...thresholds, ...assessReadiness(lookups, asOf, thresholds) };
}

/** The listing, mapped and filtered as getOffsiteBackupInstances's; the wire rows are not held while lookups run. */
async function listedInstances(
  settings: ClientSettings,
  projectId: string,
  filters: InstanceFilters,
): Promise<OffsiteBackupInstance[]> {
  const listing = await listOffsiteBackupInstances(settings, projectId);
  return listing.instances.map(mapInstance).filter((instance) => matchesFilters(instance, filters));
}
