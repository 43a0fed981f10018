import { type FieldDefinition, type FieldsOf, milliseconds, type ObjectTypeName } from "./definition";
import type {
  InstanceReadiness,
  LookupError,
  OffsiteBackupInstance,
  ReadinessSummary,
  RestoreTimeRange,
  UncoveredTime,
} from "./types";

const string = { type: "string" } as const;
const integer = { type: "integer" } as const;

const restoreTimeRange: FieldsOf<RestoreTimeRange> = {
  startTime: { type: milliseconds, required: true, description: "First restorable instant, epoch milliseconds (UTC)." },
  endTime: { type: milliseconds, required: true, description: "Last restorable instant, epoch milliseconds (UTC)." },
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

const uncoveredTime: FieldsOf<UncoveredTime> = {
  startTime: {
    type: milliseconds,
    required: true,
    description: "First instant no range covers, epoch milliseconds (UTC).",
  },
  endTime: {
    type: milliseconds,
    required: true,
    description: "Last instant no range covers, epoch milliseconds (UTC).",
  },
};

const lookupError: FieldsOf<LookupError> = {
  errorCode: {
    type: string,
    required: true,
    description: "Huawei's code, e.g. `DBS.108000`, or `CLIENT.Timeout` when no answer came.",
  },
  message: { type: string, required: true, description: "What failed: the request, the status and Huawei's message." },
};

const count = (what: string) => ({ type: integer, required: true, description: `Instances ${what}.` }) as const;

const readinessSummary: FieldsOf<ReadinessSummary> = {
  total: count("assessed (those the listing's filters kept)"),
  ok: count("ready: restorable recently enough over enough of their retention window"),
  stale: count("whose latest restorable time is more than `maxLag` old"),
  gaps: count("whose ranges cover less than `minCoverage` of their retention window"),
  unprotected: count("with no restorable time at all"),
  error: count("whose restore-time lookup failed"),
  worstLagMs: {
    type: milliseconds,
    required: false,
    description: "The longest lag of any instance with a restorable time, milliseconds; absent when none has one.",
  },
};

const instanceReadiness: FieldsOf<InstanceReadiness> = {
  id: offsiteBackupInstance.id,
  name: offsiteBackupInstance.name,
  datastore: offsiteBackupInstance.datastore,
  sourceRegion: offsiteBackupInstance.sourceRegion,
  keepDays: {
    type: integer,
    required: false,
    description:
      "Days cross-region backups are kept: the retention window is `[asOf − keepDays, asOf]`. When the listing omits it, the window starts at `earliestRestorableTime`.",
  },
  status: {
    type: string,
    required: true,
    description:
      "The worst that applies, from best to worst: `ok`, `gaps` (coverage below `minCoverage`), `stale` (lag above `maxLag`; the lag is uncovered time too, so this one names the cause), `unprotected` (no restorable time), `error` (the lookup failed).",
  },
  latestRestorableTime: {
    type: milliseconds,
    required: false,
    description: "The latest restorable instant at or before `asOf`, epoch milliseconds (UTC).",
  },
  lagMs: {
    type: milliseconds,
    required: false,
    description: "`asOf` minus `latestRestorableTime`, milliseconds: how much recent data a restore now would lose.",
  },
  earliestRestorableTime: {
    type: milliseconds,
    required: false,
    description: "The earliest restorable instant, epoch milliseconds (UTC).",
  },
  coverage: {
    type: { type: "number" },
    required: false,
    description:
      "The fraction (0 to 1) of the retention window `[asOf − keepDays, asOf]` the ranges cover; 0 when unprotected, absent on error.",
  },
  gaps: {
    type: { type: "array", items: { ref: "UncoveredTime" } },
    required: true,
    description:
      "Stretches of `[asOf − keepDays, latestRestorableTime]` no range covers that are longer than `minGap`, oldest first.",
  },
  ranges: {
    type: { type: "array", items: { ref: "RestoreTimeRange" } },
    required: true,
    description: "The restore time ranges the lookup returned (empty on error).",
  },
  error: {
    type: { ref: "LookupError" },
    required: false,
    description: "Why the restore-time lookup failed, when it did (`status` is then `error`).",
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
  InstanceReadiness: {
    description: "How ready one instance is to be restored from its cross-region backup, as of the result's `asOf`.",
    properties: instanceReadiness,
  },
  UncoveredTime: {
    description: "A stretch of the retention window no restore time range covers, both ends inclusive (epoch ms, UTC).",
    properties: uncoveredTime,
  },
  LookupError: { description: "Why an instance's restore-time lookup failed.", properties: lookupError },
  ReadinessSummary: {
    description: "How many instances are in each readiness status, and the worst lag.",
    properties: readinessSummary,
  },
};
