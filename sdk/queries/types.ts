/** A DB instance whose backups are copied to another region (the backup, or destination, region). */
export interface OffsiteBackupInstance {
  /** DB instance id, e.g. `ed7cc6166ec24360a5ed5c5c9c2ed726in01`. */
  readonly id: string;
  /** DB instance name. */
  readonly name: string | undefined;
  /** Region the instance runs in (where backups are taken). */
  readonly sourceRegion: string | undefined;
  /** Project id of the instance in its source region. */
  readonly sourceProjectId: string | undefined;
  /** Database engine and version. */
  readonly datastore: {
    /** `MySQL`, `PostgreSQL`, `SQLServer` or `MariaDB`. */
    readonly type: string | undefined;
    readonly version: string | undefined;
  };
  /** Region holding the cross-region backups. */
  readonly destinationRegion: string | undefined;
  /** Project id in the backup region. */
  readonly destinationProjectId: string | undefined;
  /** Days cross-region backups are kept. Absent where a regional API variant omits it. */
  readonly keepDays: number | undefined;
}

/** A span of time an instance can be restored to, both ends inclusive, in epoch milliseconds (UTC). */
export interface RestoreTimeRange {
  readonly startTime: number;
  readonly endTime: number;
}

/** Where to ask: the backup region, and optionally its project id (looked up through IAM when absent). */
export interface RegionArgs {
  /** Backup (destination) region to query. Defaults to `huaweicloud:region` or `HW_REGION_NAME`. */
  region?: string;
  /** Project id of `region`. Defaults to configuration, then an IAM lookup (cached per process). */
  projectId?: string;
}

export interface GetOffsiteBackupInstancesArgs extends RegionArgs {
  /** Only the instance with this id. */
  instanceId?: string;
  /** Only instances with exactly this name. */
  name?: string;
  /** Only instances running in this region. */
  sourceRegion?: string;
  /** Only instances of this source project. */
  sourceProjectId?: string;
  /** Only backups held in this region (the API answers for the region queried, so this mostly confirms it). */
  destinationRegion?: string;
  /** Only backups held in this project. */
  destinationProjectId?: string;
  /** Only instances of this engine: `MySQL`, `PostgreSQL`, `SQLServer` or `MariaDB`, in any case; other names are refused. */
  datastoreType?: string;
  /** Only instances whose cross-region backups are kept this many days. */
  keepDays?: number;
}

export interface GetOffsiteBackupInstancesResult {
  /** The region queried. */
  readonly region: string;
  /** Instances matching every filter given, in API order. */
  readonly instances: OffsiteBackupInstance[];
  /** Their ids, in the same order. */
  readonly ids: string[];
  /** How many instances the API reported in the region, before filters. */
  readonly totalCount: number;
}

export interface GetOffsiteRestoreTimeRangesArgs extends RegionArgs {
  /** Id of the DB instance whose cross-region backup is queried. */
  instanceId: string;
  /** A UTC day, `yyyy-mm-dd`: only ranges overlapping it. Advised for long retention periods. */
  date?: string;
}

export interface GetOffsiteRestoreTimeRangesResult {
  readonly instanceId: string;
  readonly date?: string;
  /** Restorable ranges as the API returns them. */
  readonly ranges: RestoreTimeRange[];
}

/** A point in time: ISO-8601 text with a zone (`2026-11-20T03:00:00Z`), epoch milliseconds (number or digits), or a Date. */
export type RestoreTimeInput = string | number | Date;

export interface CheckRestoreTimeArgs extends RegionArgs {
  instanceId: string;
  /** The point in time to restore to. */
  restoreTime: RestoreTimeInput;
}

export interface CheckRestoreTimeResult {
  /** Whether a cross-region restore to `restoreTime` is possible. */
  readonly restorable: boolean;
  /** The requested time, epoch milliseconds (UTC). */
  readonly restoreTime: number;
  /** The range containing it, when restorable. */
  readonly range?: RestoreTimeRange;
  /**
   * The ranges the decision rests on: those of the restore time's UTC day when one contains it, otherwise the
   * whole undated list (consulted to confirm a miss, and what a refusal names the nearest ranges from).
   */
  readonly ranges: RestoreTimeRange[];
}
