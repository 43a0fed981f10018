import path from "node:path";
import type { GapSummary } from "../../emulator";
import { DEFAULT_CONCURRENCY } from "../listing/measureListing";
import { type FloorClient, rawSocketFloor, undiciDispatchFloor, undiciRequestFloor } from "../lookups/lookupFloors";
import type { EmulatorHost } from "../support/emulatorHost";
import type { EmulatorStats } from "../support/emulatorProtocol";
import { emulatorLookup, product } from "../support/product";
import { median, round, timed } from "../support/stats";
import { GO_WORKERS, goFirstCall, runGoPeer, timeToFirstAnswer } from "./goPeer";
import { clientName, LOOKUP_CLIENTS, type LookupClient } from "./lookupClients";

const REGION = "ap-southeast-1";
const LOOKUPS = 200;
/** Fresh processes per client for the cold first call (each costs a process start and its first connection). */
const FIRST_CALLS = 5;

/** Lookups one at a time for the turnaround (each ~one latency): enough for a median and a p90, a second a client. */
const SEQUENTIAL_LOOKUPS = 40;

/** One client's 200 lookups at 16 in flight, warm, over the reps. */
export interface LookupClientRow {
  client: LookupClient;
  medianMs: number;
  runsMs: number[];
  requests: number;
  maxInFlight: number;
  toPhysicalLimit: number | null;
  /** This client's time ÷ Go's: below 1, ahead of Go. */
  toGo: number;
  /**
   * The emulator process's CPU per request in this client's rounds (its stats calls included): the work every round
   * carries besides the latency, about the same whoever asks (header sizes and new connections make the difference).
   */
  emulatorCpuMsPerRequest: number;
  /** Per connection, as the emulator saw it (median over the reps of each timed round's median and p90). */
  sameConnectionTurnaround: { medianMs: number | null; p90Ms: number | null };
}

/** One client's lookups one at a time: its turnaround, nothing else in flight. */
export interface SequentialTurnaround {
  client: LookupClient;
  lookups: number;
  /** Since the last answer written on any connection: the honest turnaround one request at a time. */
  idle: GapSummary;
  /** Per connection: a client whose pool moves the next request to another connection shows whole rounds here. */
  sameConnection: GapSummary;
}

export interface GoResult {
  goroutines: number;
  /** 200 distinct restore-range lookups at once: the product (16 in flight, warm) beside the Go peer (16 goroutines, warm). */
  lookups: {
    lookups: number;
    /** ceil(200 / 16) × latency: waves of 16 requests. */
    physicalLimitMs: number;
    product: { medianMs: number; runsMs: number[]; requests: number; maxInFlight: number };
    go: { medianMs: number; runsMs: number[]; requests: number; maxInFlight: number };
    productToPhysicalLimit: number | null;
    goToPhysicalLimit: number | null;
    /** Go's time ÷ the product's: above 1, the product is ahead. */
    goToProduct: number;
    /** Every client of LOOKUP_CLIENTS, the runtime's floors included, interleaved in the same reps. */
    clients: LookupClientRow[];
  };
  /** Each client's lookups one at a time, warm: its turnaround as the emulator saw it. */
  turnaround: SequentialTurnaround[];
  /** From spawning a fresh process to its first lookup's answer (runtime start, loading, first connection, signing). */
  firstCall: {
    product: { medianMs: number; runsMs: number[]; entryPoint: string };
    go: { medianMs: number; runsMs: number[] };
  };
}

/**
 * The official Go SDK's peer against the product on the same emulator, interleaved (product, Go, the floors, product,
 * …) so a busy moment of the shared machine hits each: 200 lookups at once, the same one at a time for each client's
 * turnaround, and the cold first call of a fresh process. The floors (bench/lookups/lookupFloors.ts) are where the
 * runtime ends: how close to Go any Node client can get on this machine.
 * Run before the readiness scan (bench/support/args.ts): the product's scheduler is process-wide, and after the scan's
 * throttled run it climbs back to full speed along CUBIC's curve for several seconds, which a fresh Go process never
 * has to (measured: 440-475 ms for the product's 200 lookups in the 4 s after that scan, 360-385 ms from 6 s on).
 */
export async function measureGo(
  emulator: EmulatorHost,
  binary: string,
  options: { latencyMs: number; reps: number },
): Promise<GoResult> {
  const { queryOffsiteRestoreTimeRanges } = product.queries();
  const lookup = emulatorLookup(emulator, REGION);
  const ids = await emulator.instanceIds(REGION, LOOKUPS);
  const c = DEFAULT_CONCURRENCY;
  const floors: Record<Exclude<LookupClient, "product" | "go">, FloorClient> = {
    undiciRequest: undiciRequestFloor(emulator, REGION),
    undiciDispatch: undiciDispatchFloor(emulator, REGION, c),
    rawSocket: rawSocketFloor(emulator, REGION, c),
  };
  /** One client's lookups of `instanceIds`, `concurrency` in flight: the product's limiter holds it to its default. */
  const runOf = (client: Exclude<LookupClient, "go">, instanceIds: readonly string[], concurrency: number) => {
    if (client !== "product") return () => floors[client].run(instanceIds, concurrency);
    if (concurrency === c)
      return async () => {
        await Promise.all(instanceIds.map((instanceId) => queryOffsiteRestoreTimeRanges({ instanceId }, lookup)));
      };
    return async () => {
      for (const instanceId of instanceIds) await queryOffsiteRestoreTimeRanges({ instanceId }, lookup);
    };
  };

  const samples = Object.fromEntries(
    LOOKUP_CLIENTS.map((client) => [client, { runsMs: [] as number[], stats: [] as EmulatorStats[] }]),
  ) as Record<LookupClient, { runsMs: number[]; stats: EmulatorStats[] }>;
  const turnaround: SequentialTurnaround[] = [];
  try {
    for (let rep = 0; rep < options.reps; rep += 1) {
      for (const client of LOOKUP_CLIENTS) {
        let ms: number;
        if (client === "go") {
          // The peer runs its own untimed round first, in the same process (bench/go/main.go).
          await emulator.reset();
          const go = await runGoPeer(binary, "lookups", emulator, REGION, ids);
          if (go.failed > 0) throw new Error(`the Go peer's lookups failed ${go.failed} times`);
          ms = go.ms;
        } else {
          // Each side's timed round right after an untimed one, as the Go peer runs its own: the same warm-up and no
          // idle before it for any (a timed product round used to follow the Go process's run, 0.7 s of quiet).
          const run = runOf(client, ids, c);
          await run();
          await emulator.reset();
          ms = (await timed(run)).ms;
        }
        const stats = await emulator.stats();
        if (stats.failures > 0)
          throw new Error(`${stats.failures} requests failed in the ${clientName(client, GO_WORKERS)} run`);
        samples[client].runsMs.push(round(ms));
        samples[client].stats.push(stats);
      }
    }
    const few = ids.slice(0, SEQUENTIAL_LOOKUPS);
    for (const client of LOOKUP_CLIENTS) {
      await emulator.reset();
      if (client === "go") {
        const go = await runGoPeer(binary, "lookups", emulator, REGION, few, 1);
        if (go.failed > 0) throw new Error(`the Go peer's sequential lookups failed ${go.failed} times`);
      } else {
        await runOf(client, few, 1)();
      }
      const { clientTurnaround, requests, failures } = await emulator.stats();
      if (failures > 0)
        throw new Error(`${failures} requests failed in the ${clientName(client, GO_WORKERS)} sequential run`);
      turnaround.push({ client, lookups: requests, ...clientTurnaround });
    }
  } finally {
    for (const floor of Object.values(floors)) await floor.close();
  }

  const physicalLimitMs = Math.ceil(LOOKUPS / c) * options.latencyMs;
  const goMedianMs = median(samples.go.runsMs);
  const clients = LOOKUP_CLIENTS.map((client): LookupClientRow => {
    const { runsMs, stats } = samples[client];
    const medianMs = round(median(runsMs));
    const turnarounds = stats.map((one) => one.clientTurnaround.sameConnection);
    const medianOf = (values: (number | null)[]) => {
      const present = values.filter((value): value is number => value !== null);
      return present.length === 0 ? null : round(median(present), 3);
    };
    return {
      client,
      medianMs,
      runsMs,
      // The Go peer's untimed round is counted too: half of what the emulator saw is the timed round.
      requests: Math.max(...stats.map((one) => one.requests)) / (client === "go" ? 2 : 1),
      maxInFlight: Math.max(...stats.map((one) => one.maxInFlight)),
      toPhysicalLimit: physicalLimitMs > 0 ? round(medianMs / physicalLimitMs, 2) : null,
      toGo: round(medianMs / goMedianMs, 2),
      emulatorCpuMsPerRequest: round(median(stats.map((one) => one.cpuMs / one.requests)), 3),
      sameConnectionTurnaround: {
        medianMs: medianOf(turnarounds.map((one) => one.medianMs)),
        p90Ms: medianOf(turnarounds.map((one) => one.p90Ms)),
      },
    };
  });
  const row = (client: LookupClient) => clients.find((one) => one.client === client) as LookupClientRow;
  const { medianMs: productMs, runsMs: productRuns, requests, maxInFlight } = row("product");
  const goRow = row("go");
  const goMs = goRow.medianMs;

  const entryPoint = "pulumi-huaweicloud-rds-offsite/client";
  const probe = path.join(__dirname, "firstCallProbe.cjs");
  const stackConfig = {
    region: REGION,
    projectId: emulator.projects[REGION] ?? "",
    accessKey: emulator.credentials.accessKey,
    secretKey: emulator.credentials.secretKey,
    rdsEndpoint: emulator.url,
    iamEndpoint: emulator.url,
  };
  const productFirst: number[] = [];
  const goFirst: number[] = [];
  for (let run = 0; run < FIRST_CALLS; run += 1) {
    const instanceId = ids[run % ids.length]!;
    productFirst.push(
      round(
        await timeToFirstAnswer(process.execPath, [probe, JSON.stringify({ stackConfig, instanceId })], {
          PATH: process.env.PATH ?? "",
        }),
      ),
    );
    goFirst.push(round(await goFirstCall(binary, emulator, REGION, instanceId)));
  }
  return {
    goroutines: GO_WORKERS,
    lookups: {
      lookups: LOOKUPS,
      physicalLimitMs,
      product: { medianMs: productMs, runsMs: productRuns, requests, maxInFlight },
      go: { medianMs: goMs, runsMs: goRow.runsMs, requests: goRow.requests, maxInFlight: goRow.maxInFlight },
      productToPhysicalLimit: physicalLimitMs > 0 ? round(productMs / physicalLimitMs, 2) : null,
      goToPhysicalLimit: physicalLimitMs > 0 ? round(goMs / physicalLimitMs, 2) : null,
      goToProduct: round(goMs / productMs, 2),
      clients,
    },
    turnaround,
    firstCall: {
      product: { medianMs: round(median(productFirst)), runsMs: productFirst, entryPoint },
      go: { medianMs: round(median(goFirst)), runsMs: goFirst },
    },
  };
}
