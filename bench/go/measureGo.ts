import path from "node:path";
import { DEFAULT_CONCURRENCY } from "../listing/measureListing";
import type { EmulatorHost } from "../support/emulatorHost";
import { emulatorLookup, product } from "../support/product";
import { median, round, timed } from "../support/stats";
import { GO_WORKERS, goFirstCall, runGoPeer, timeToFirstAnswer } from "./goPeer";

const REGION = "ap-southeast-1";
const LOOKUPS = 200;
/** Fresh processes per client for the cold first call (each costs a process start and its first connection). */
const FIRST_CALLS = 5;

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
  };
  /** From spawning a fresh process to its first lookup's answer (runtime start, loading, first connection, signing). */
  firstCall: {
    product: { medianMs: number; runsMs: number[]; entryPoint: string };
    go: { medianMs: number; runsMs: number[] };
  };
}

/**
 * The official Go SDK's peer against the product on the same emulator, interleaved (product, Go, product, …) so a
 * busy moment of the shared machine hits both: 200 lookups at once, and the cold first call of a fresh process.
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
  const productRun = () => Promise.all(ids.map((instanceId) => queryOffsiteRestoreTimeRanges({ instanceId }, lookup)));

  const productRuns: number[] = [];
  const goRuns: number[] = [];
  const productStats = { requests: 0, maxInFlight: 0 };
  const goStats = { requests: 0, maxInFlight: 0 };
  for (let rep = 0; rep < options.reps; rep += 1) {
    // Each side's timed round right after an untimed one, as the Go peer runs its own: the same warm-up and no idle
    // before it for either (a timed product round used to follow the Go process's run, 0.7 s of quiet).
    await productRun();
    await emulator.reset();
    productRuns.push(round((await timed(productRun)).ms));
    const afterProduct = await emulator.stats();
    productStats.requests = Math.max(productStats.requests, afterProduct.requests);
    productStats.maxInFlight = Math.max(productStats.maxInFlight, afterProduct.maxInFlight);
    await emulator.reset();
    const go = await runGoPeer(binary, "lookups", emulator, REGION, ids);
    if (go.failed > 0) throw new Error(`the Go peer's lookups failed ${go.failed} times`);
    goRuns.push(round(go.ms));
    const afterGo = await emulator.stats();
    // The peer's untimed round is counted too: half of what the emulator saw is the timed round.
    goStats.requests = Math.max(goStats.requests, afterGo.requests / 2);
    goStats.maxInFlight = Math.max(goStats.maxInFlight, afterGo.maxInFlight);
  }
  const physicalLimitMs = Math.ceil(LOOKUPS / DEFAULT_CONCURRENCY) * options.latencyMs;
  const productMs = round(median(productRuns));
  const goMs = round(median(goRuns));

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
      product: { medianMs: productMs, runsMs: productRuns, ...productStats },
      go: { medianMs: goMs, runsMs: goRuns, ...goStats },
      productToPhysicalLimit: physicalLimitMs > 0 ? round(productMs / physicalLimitMs, 2) : null,
      goToPhysicalLimit: physicalLimitMs > 0 ? round(goMs / physicalLimitMs, 2) : null,
      goToProduct: round(goMs / productMs, 2),
    },
    firstCall: {
      product: { medianMs: round(median(productFirst)), runsMs: productFirst, entryPoint },
      go: { medianMs: round(median(goFirst)), runsMs: goFirst },
    },
  };
}
