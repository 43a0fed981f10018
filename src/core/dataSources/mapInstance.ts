import type { OffsiteBackupInstance } from "./types";
import type { WireOffsiteBackupInstance } from "./wireTypes";

/**
 * The one place snake_case becomes camelCase, and the one copy of each listed instance: only the fields users see,
 * whatever else the API sent. Absent and null fields become undefined, never invented.
 */
export function mapInstance(wire: WireOffsiteBackupInstance): OffsiteBackupInstance {
  return {
    id: wire.id,
    name: wire.name ?? undefined,
    sourceRegion: wire.source_region ?? undefined,
    sourceProjectId: wire.source_project_id ?? undefined,
    datastore: { type: wire.datastore?.type ?? undefined, version: wire.datastore?.version ?? undefined },
    destinationRegion: wire.destination_region ?? undefined,
    destinationProjectId: wire.destination_project_id ?? undefined,
    keepDays: wire.keep_days ?? undefined,
  };
}
