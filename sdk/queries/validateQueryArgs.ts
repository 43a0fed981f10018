import { validateDate, validateInstanceId } from "../client/validation";
import { checkRestoreTime } from "../definitions/checkRestoreTime";
import { argumentNames } from "../definitions/definition";
import { getOffsiteBackupInstances } from "../definitions/getOffsiteBackupInstances";
import { getOffsiteRestoreTimeRanges } from "../definitions/getOffsiteRestoreTimeRanges";
import { parseRestoreTime } from "../restore/parseRestoreTime";
import { type InstanceFilters, validateFilters } from "./instanceFilters";
import { validateArgsObject, validateRegionArgs } from "./validateArgs";

// One validator per data source, shared by the functions, the resources' constructors, the dynamic provider's `check`
// and the plugin's invokes: bad input is refused with the argument's name before any request, wherever it enters.
// The arguments accepted are those each data source's definition declares (sdk/definitions).

const OFFSITE_BACKUP_INSTANCES_ARGS = argumentNames(getOffsiteBackupInstances);
const OFFSITE_RESTORE_TIME_RANGES_ARGS = argumentNames(getOffsiteRestoreTimeRanges);
const CHECK_RESTORE_TIME_ARGS = argumentNames(checkRestoreTime);

type Where = { region?: string; projectId?: string };

export function validateOffsiteBackupInstancesArgs(args: unknown): { where: Where; filters: InstanceFilters } {
  const checked = validateArgsObject(args, OFFSITE_BACKUP_INSTANCES_ARGS, getOffsiteBackupInstances.name);
  return { where: validateRegionArgs(checked), filters: validateFilters(checked) };
}

export function validateOffsiteRestoreTimeRangesArgs(args: unknown): {
  where: Where;
  instanceId: string;
  date: string | undefined;
} {
  const checked = validateArgsObject(args, OFFSITE_RESTORE_TIME_RANGES_ARGS, getOffsiteRestoreTimeRanges.name);
  return {
    where: validateRegionArgs(checked),
    instanceId: validateInstanceId(checked.instanceId),
    date: checked.date === undefined ? undefined : validateDate(checked.date),
  };
}

export function validateCheckRestoreTimeArgs(args: unknown): { where: Where; instanceId: string; restoreTime: number } {
  const checked = validateArgsObject(args, CHECK_RESTORE_TIME_ARGS, checkRestoreTime.name);
  return {
    where: validateRegionArgs(checked),
    instanceId: validateInstanceId(checked.instanceId),
    restoreTime: parseRestoreTime(checked.restoreTime),
  };
}
