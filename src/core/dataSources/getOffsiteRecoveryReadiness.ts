import { parseDuration, validateFraction } from "../readiness/duration";
import { parseRestoreTime } from "../restore/parseRestoreTime";
import type { DataSourceDefinition } from "./definition";
import { getOffsiteBackupInstances } from "./getOffsiteBackupInstances";
import type { GetOffsiteRecoveryReadinessArgs, GetOffsiteRecoveryReadinessResult } from "./types";

/** The listing's arguments, region and filters alike: the same instances `getOffsiteBackupInstances` returns are assessed. */
const LISTING_ARGUMENTS = getOffsiteBackupInstances.arguments;

/** What is assumed when an argument is not given. */
export const READINESS_DEFAULTS = { maxLag: "1h", minCoverage: 0.99, minGap: "5m" } as const;

const integer = { type: "integer" } as const;

/** Recovery readiness across the backup region: is every instance restorable, recently enough, over its retention? */
export const getOffsiteRecoveryReadiness: DataSourceDefinition<
  GetOffsiteRecoveryReadinessArgs,
  GetOffsiteRecoveryReadinessResult
> = {
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
    },
    asOf: {
      type: { type: "string" },
      tsType: "RestoreTimeInput",
      required: false,
      validate: parseRestoreTime,
      description:
        "The instant readiness is judged at: ISO-8601 with a zone or epoch milliseconds. Default: now, when the call starts. Give it for a reproducible report.",
      summary: "judge readiness at this instant: ISO-8601 with a zone or epoch ms (default: now)",
    },
  },
  result: {
    region: { type: { type: "string" }, required: true, description: "The region queried." },
    asOf: { type: integer, required: true, description: "The instant readiness was judged at, epoch milliseconds." },
    maxLagMs: { type: integer, required: true, description: "The `maxLag` used, milliseconds." },
    minCoverage: { type: { type: "number" }, required: true, description: "The `minCoverage` used (0 to 1)." },
    minGapMs: { type: integer, required: true, description: "The `minGap` used, milliseconds." },
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
};
