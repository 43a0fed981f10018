import type { OffsiteBackupInstance, RestoreTimeRange } from "../queries/types";
import type { FieldDefinition, FieldsOf, ObjectTypeName } from "./definition";

const string = { type: "string" } as const;
const integer = { type: "integer" } as const;

const restoreTimeRange: FieldsOf<RestoreTimeRange> = {
  startTime: { type: integer, required: true, description: "First restorable instant, epoch milliseconds (UTC)." },
  endTime: { type: integer, required: true, description: "Last restorable instant, epoch milliseconds (UTC)." },
};

const datastore: FieldsOf<OffsiteBackupInstance["datastore"]> = {
  type: { type: string, required: false, description: "`MySQL`, `PostgreSQL`, `SQLServer` or `MariaDB`." },
  version: { type: string, required: false, description: "Engine version, e.g. `8.0`." },
};

const offsiteBackupInstance: FieldsOf<OffsiteBackupInstance> = {
  id: { type: string, required: true, description: "DB instance id, e.g. `ed7cc6166ec24360a5ed5c5c9c2ed726in01`." },
  name: { type: string, required: false, description: "DB instance name." },
  sourceRegion: {
    type: string,
    required: false,
    description: "Region the instance runs in (where backups are taken).",
  },
  sourceProjectId: { type: string, required: false, description: "Project id of the instance in its source region." },
  datastore: { type: { ref: "Datastore" }, required: true, description: "Database engine and version." },
  destinationRegion: { type: string, required: false, description: "Region holding the cross-region backups." },
  destinationProjectId: { type: string, required: false, description: "Project id in the backup region." },
  keepDays: {
    type: integer,
    required: false,
    description: "Days cross-region backups are kept. Absent where a regional API variant omits it.",
  },
};

/** The object types results are made of, by schema name. */
export const OBJECT_TYPES: Record<
  ObjectTypeName,
  { description: string; properties: Readonly<Record<string, FieldDefinition>> }
> = {
  OffsiteBackupInstance: {
    description: "A DB instance whose backups are copied to another region (the backup, or destination, region).",
    properties: offsiteBackupInstance,
  },
  Datastore: { description: "Database engine and version of a DB instance.", properties: datastore },
  RestoreTimeRange: {
    description: "A span of time an instance can be restored to, both ends inclusive, in epoch milliseconds (UTC).",
    properties: restoreTimeRange,
  },
};
