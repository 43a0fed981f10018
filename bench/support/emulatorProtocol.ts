// Messages between the bench and the emulator's process (see emulatorProcess.ts / emulatorHost.ts).
import type { ClientTurnaround, EmulatorCredential, Operation } from "../../emulator";

export interface EmulatorProcessOptions {
  regions: Record<string, number>;
  latencyMs: number;
  /** The gateway's throttling (see the emulator's `rateLimit` option). */
  rateLimit?: { requestsPerSecond: number; burst?: number };
}

export interface EmulatorReady {
  type: "ready";
  url: string;
  credentials: EmulatorCredential;
  /** Region -> its project id. */
  projects: Record<string, string>;
}

/** What the emulator counted since the last reset. */
export interface EmulatorStats {
  maxInFlight: number;
  requests: number;
  byOperation: Partial<Record<Operation, number>>;
  /** Requests answered with anything but 200 (a benchmark that got errors measured the wrong thing). */
  failures: number;
  /** CPU time the emulator's process spent, ms (user + system), since the last reset. */
  cpuMs: number;
  /** From each answer written to the client's next request, as the emulator saw it (emulator/requestStats.ts). */
  clientTurnaround: ClientTurnaround;
}

export type EmulatorCommand =
  | { id: number; op: "stats" }
  | { id: number; op: "reset" }
  | { id: number; op: "latency"; ms: number }
  | { id: number; op: "instanceIds"; region: string; count: number };

export interface EmulatorReply {
  id: number;
  result?: unknown;
  error?: string;
}
