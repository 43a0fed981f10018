import { validateDate, validateInstanceId } from "../client/validation";
import { parseRestoreTime } from "../restore/parseRestoreTime";
import { FILTER_KEYS, type InstanceFilters, validateFilters } from "./instanceFilters";
import { REGION_ARG_KEYS, validateArgsObject, validateRegionArgs } from "./validateArgs";

// One validator per data source, shared by the functions, the resources' constructors and the provider's `check`:
// bad input is refused with the argument's name before any request, wherever it enters.

export const OFFSITE_BACKUP_INSTANCES_ARG_KEYS = [...REGION_ARG_KEYS, ...FILTER_KEYS] as const;
export const OFFSITE_RESTORE_TIME_RANGES_ARG_KEYS = [...REGION_ARG_KEYS, "instanceId", "date"] as const;
export const CHECK_RESTORE_TIME_ARG_KEYS = [...REGION_ARG_KEYS, "instanceId", "restoreTime"] as const;

type Where = { region?: string; projectId?: string };

export function validateOffsiteBackupInstancesArgs(args: unknown): { where: Where; filters: InstanceFilters } {
  const checked = validateArgsObject(args, OFFSITE_BACKUP_INSTANCES_ARG_KEYS, "getOffsiteBackupInstances");
  return { where: validateRegionArgs(checked), filters: validateFilters(checked) };
}

export function validateOffsiteRestoreTimeRangesArgs(args: unknown): {
  where: Where;
  instanceId: string;
  date: string | undefined;
} {
  const checked = validateArgsObject(args, OFFSITE_RESTORE_TIME_RANGES_ARG_KEYS, "getOffsiteRestoreTimeRanges");
  return {
    where: validateRegionArgs(checked),
    instanceId: validateInstanceId(checked.instanceId),
    date: checked.date === undefined ? undefined : validateDate(checked.date),
  };
}

export function validateCheckRestoreTimeArgs(args: unknown): { where: Where; instanceId: string; restoreTime: number } {
  const checked = validateArgsObject(args, CHECK_RESTORE_TIME_ARG_KEYS, "checkRestoreTime");
  return {
    where: validateRegionArgs(checked),
    instanceId: validateInstanceId(checked.instanceId),
    restoreTime: parseRestoreTime(checked.restoreTime),
  };
}
