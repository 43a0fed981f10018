import type { EngineResult } from "../engine/measureEngine";
import type { GoResult } from "../go/measureGo";
import type { ListingResult } from "../listing/measureListing";
import type { LookupsResult } from "../lookups/measureLookups";
import type { MemoryResult } from "../memory/measureMemory";
import type { ProviderResult } from "../provider/measureProvider";
import type { ScanResult } from "../scan/measureScan";
import type { MachineInfo } from "./machine";
import type { TargetCheck } from "./targets";

/** Everything one `npm run bench` measured: the shape of bench/results/latest.json. */
export interface BenchResults {
  startedAt: string;
  durationS?: number;
  machine: MachineInfo;
  options: { latencyMs: number; reps: number; previewReps: number };
  targets?: TargetCheck[];
  listing?: { sizes: ListingResult[]; huaweiSdkConstruction: string };
  lookups?: LookupsResult;
  provider?: ProviderResult;
  memory?: MemoryResult;
  scan?: ScanResult;
  /** The official Go SDK peer: 200 lookups and the cold first call (its scan is in `scan.goFree`). */
  go?: GoResult;
  engine?: EngineResult;
}
