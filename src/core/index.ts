// `pulumi-huaweicloud-rds-offsite/client`: the data sources without Pulumi, for scripts, services and CI jobs. Settings
// come from the arguments, then `configuration` (stack-config-shaped lookups, if any), then the environment; importing
// this entry point loads no `@pulumi/pulumi` (test/cli/entryPoints.test.ts).

import { queryRestoreTime } from "./dataSources/checkRestoreTime";
import type { ConfigurationLookup } from "./dataSources/configurationLookup";
import { queryOffsiteBackupInstances } from "./dataSources/getOffsiteBackupInstances";
import { queryOffsiteRecoveryReadiness, type ScanProgress } from "./dataSources/getOffsiteRecoveryReadiness";
import { queryOffsiteRestoreTimeRanges } from "./dataSources/getOffsiteRestoreTimeRanges";
import type {
  CheckRestoreTimeArgs,
  CheckRestoreTimeResult,
  GetOffsiteBackupInstancesArgs,
  GetOffsiteBackupInstancesResult,
  GetOffsiteRecoveryReadinessArgs,
  GetOffsiteRecoveryReadinessResult,
  GetOffsiteRestoreTimeRangesArgs,
  GetOffsiteRestoreTimeRangesResult,
} from "./dataSources/types";

export * from "./common";
export type { ConfigurationLookup, ScanProgress };

/**
 * DB instances with cross-region backups in the queried (backup) region, filtered by exact match.
 * @example
 * const { instances } = await getOffsiteBackupInstances({ region: "ap-southeast-1", datastoreType: "MySQL" });
 */
export function getOffsiteBackupInstances(
  args?: GetOffsiteBackupInstancesArgs,
  configuration: ConfigurationLookup = {},
): Promise<GetOffsiteBackupInstancesResult> {
  return queryOffsiteBackupInstances(args, configuration);
}

/**
 * Time ranges a DB instance's cross-region backup can be restored to.
 * @example
 * const { ranges } = await getOffsiteRestoreTimeRanges({ region: "ap-southeast-1", instanceId });
 */
export function getOffsiteRestoreTimeRanges(
  args: GetOffsiteRestoreTimeRangesArgs,
  configuration: ConfigurationLookup = {},
): Promise<GetOffsiteRestoreTimeRangesResult> {
  return queryOffsiteRestoreTimeRanges(args, configuration);
}

/**
 * The restore decision: is the backup restorable to `restoreTime`? With `onUnavailable: "warn"`, `warn` receives the
 * refusal (default: ignored); with `"fail"` the promise rejects with a {@link RestoreRefusedError}.
 * @example
 * const { restorable, message } = await checkRestoreTime({ instanceId, restoreTime: "2026-11-20T03:00:00Z" });
 */
export function checkRestoreTime(
  args: CheckRestoreTimeArgs,
  configuration: ConfigurationLookup = {},
  warn?: (message: string) => void,
): Promise<CheckRestoreTimeResult> {
  return queryRestoreTime(args, configuration, warn);
}

/**
 * Whether each instance's cross-region backups could serve a restore now (lag, coverage, gaps), with a summary.
 * @example
 * const { summary } = await getOffsiteRecoveryReadiness({ region: "ap-southeast-1", maxLag: "30m" });
 */
export function getOffsiteRecoveryReadiness(
  args?: GetOffsiteRecoveryReadinessArgs,
  configuration: ConfigurationLookup = {},
  progress?: ScanProgress,
): Promise<GetOffsiteRecoveryReadinessResult> {
  return queryOffsiteRecoveryReadiness(args, configuration, progress);
}
