import type { WireOffsiteBackupInstance } from "../client/rds/wireTypes";
import type { OffsiteBackupInstance } from "./types";

/** The one place snake_case becomes camelCase. Absent fields stay absent (undefined), never invented. */
export function mapInstance(wire: WireOffsiteBackupInstance): OffsiteBackupInstance {
  return {
    id: wire.id,
    name: wire.name,
    sourceRegion: wire.source_region,
    sourceProjectId: wire.source_project_id,
    datastore: { type: wire.datastore?.type, version: wire.datastore?.version },
    destinationRegion: wire.destination_region,
    destinationProjectId: wire.destination_project_id,
    keepDays: wire.keep_days,
  };
}
