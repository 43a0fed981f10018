// The RDS API's own shapes, snake_case as on the wire. Only this file and the mapping step know them.

/**
 * An item of `GET /v3/backups/offsite-backup-instance`, as checked (not copied) by the client. Regional variants omit
 * fields or send them as null: only `id` is certain.
 */
export interface WireOffsiteBackupInstance {
  id: string;
  name?: string | null;
  source_region?: string | null;
  source_project_id?: string | null;
  datastore?: { type?: string | null; version?: string | null } | null;
  destination_region?: string | null;
  destination_project_id?: string | null;
  keep_days?: number | null;
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
