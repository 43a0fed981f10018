import type { ReadinessThresholds } from "../readiness/assessReadiness";
import { parseDuration } from "../readiness/duration";
import type { OnUnavailable } from "../restore/onUnavailable";
import { checkRestoreTime } from "./checkRestoreTime";
import { argumentNames } from "./definition";
import { getOffsiteBackupInstances } from "./getOffsiteBackupInstances";
import { getOffsiteRecoveryReadiness, READINESS_DEFAULTS } from "./getOffsiteRecoveryReadiness";
import { getOffsiteRestoreTimeRanges } from "./getOffsiteRestoreTimeRanges";
import type { InstanceFilters } from "./instanceFilters";
import { validateArgsObject, validateArguments } from "./validateArgs";

// One validator per data source, shared by the functions, the resources' constructors, the dynamic provider's `check`
// and the plugin's invokes: bad input is refused with the argument's name before any request, wherever it enters.
// The arguments accepted, and the check of each, are those each data source's definition declares (sdk/definitions).

const OFFSITE_BACKUP_INSTANCES_ARGS = argumentNames(getOffsiteBackupInstances);
const OFFSITE_RESTORE_TIME_RANGES_ARGS = argumentNames(getOffsiteRestoreTimeRanges);
const CHECK_RESTORE_TIME_ARGS = argumentNames(checkRestoreTime);
const OFFSITE_RECOVERY_READINESS_ARGS = argumentNames(getOffsiteRecoveryReadiness);

type Where = { region?: string; projectId?: string };

// The casts below hold because each definition's validators return these types (strings; an integer for keepDays;
// epoch milliseconds for restoreTime).

/** `region` and `projectId`, as keys only when given. */
function whereOf({ region, projectId }: Record<string, unknown>): Where {
  return { ...(region === undefined ? {} : { region }), ...(projectId === undefined ? {} : { projectId }) } as Where;
}

export function validateOffsiteBackupInstancesArgs(args: unknown): { where: Where; filters: InstanceFilters } {
  const checked = validateArgsObject(args, OFFSITE_BACKUP_INSTANCES_ARGS, getOffsiteBackupInstances.name);
  const { region, projectId, ...filters } = validateArguments(getOffsiteBackupInstances.arguments, checked);
  return { where: whereOf({ region, projectId }), filters: filters as InstanceFilters };
}

export function validateOffsiteRestoreTimeRangesArgs(args: unknown): {
  where: Where;
  instanceId: string;
  date: string | undefined;
} {
  const checked = validateArgsObject(args, OFFSITE_RESTORE_TIME_RANGES_ARGS, getOffsiteRestoreTimeRanges.name);
  const { region, projectId, instanceId, date } = validateArguments(getOffsiteRestoreTimeRanges.arguments, checked);
  return { where: whereOf({ region, projectId }), instanceId: instanceId as string, date: date as string | undefined };
}

export function validateCheckRestoreTimeArgs(args: unknown): {
  where: Where;
  instanceId: string;
  restoreTime: number;
  onUnavailable: OnUnavailable | undefined;
} {
  const checked = validateArgsObject(args, CHECK_RESTORE_TIME_ARGS, checkRestoreTime.name);
  const { region, projectId, instanceId, restoreTime, onUnavailable } = validateArguments(
    checkRestoreTime.arguments,
    checked,
  );
  return {
    where: whereOf({ region, projectId }),
    instanceId: instanceId as string,
    restoreTime: restoreTime as number,
    onUnavailable: onUnavailable as OnUnavailable | undefined,
  };
}

export function validateOffsiteRecoveryReadinessArgs(args: unknown): {
  where: Where;
  filters: InstanceFilters;
  thresholds: ReadinessThresholds;
  asOf: number | undefined;
} {
  const checked = validateArgsObject(args, OFFSITE_RECOVERY_READINESS_ARGS, getOffsiteRecoveryReadiness.name);
  const { region, projectId, maxLag, minCoverage, minGap, asOf, ...filters } = validateArguments(
    getOffsiteRecoveryReadiness.arguments,
    checked,
  );
  return {
    where: whereOf({ region, projectId }),
    filters: filters as InstanceFilters,
    thresholds: {
      maxLagMs: (maxLag as number | undefined) ?? parseDuration(READINESS_DEFAULTS.maxLag, "maxLag"),
      minCoverage: (minCoverage as number | undefined) ?? READINESS_DEFAULTS.minCoverage,
      minGapMs: (minGap as number | undefined) ?? parseDuration(READINESS_DEFAULTS.minGap, "minGap"),
    },
    asOf: asOf as number | undefined,
  };
}
