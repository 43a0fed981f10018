// The RDS API's own shapes, snake_case as on the wire. Only this file and the mapping step know them.

/** An item of `GET /v3/backups/offsite-backup-instance`. Regional variants omit fields: only `id` is certain. */
export interface WireOffsiteBackupInstance {
  id: string;
  name?: string;
  source_region?: string;
  source_project_id?: string;
  datastore?: { type?: string; version?: string };
  destination_region?: string;
  destination_project_id?: string;
  keep_days?: number;
}

export interface WireOffsiteBackupInstancePage {
  total_count: number;
  offsite_backup_instances: WireOffsiteBackupInstance[];
}

/** An item of `GET /v3/{project_id}/instances/{instance_id}/offsite-restore-time`: epoch milliseconds, UTC. */
export interface WireRestoreTime {
  start_time: number;
  end_time: number;
}
