/**
 * A local, faithful emulator of Huawei Cloud RDS's cross-region (offsite) backup APIs and IAM's project lookup.
 * Independent of the client it tests: it imports no product code (Biome's noRestrictedImports, test/emulator/independence).
 */
export { startEmulator } from "./emulator";
export type { ClientTurnaround, GapSummary } from "./requestStats";
export type {
  Dataset,
  Emulator,
  EmulatorCredential,
  EmulatorOptions,
  Fault,
  IamProject,
  OffsiteBackupInstance,
  Operation,
  RequestLogEntry,
  RestoreTimeRange,
  StatusFault,
} from "./types";
