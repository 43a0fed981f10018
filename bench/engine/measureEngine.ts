import fs from "node:fs";
import path from "node:path";
import type { PulumiFn, Stack } from "@pulumi/pulumi/automation";
import { ensurePulumiCli } from "../../scripts/pulumi-cli/provision.mjs";
import { LOOKUP_REGION } from "../lookups/measureLookups";
import type { EmulatorHost } from "../support/emulatorHost";
import { product, repoRoot } from "../support/product";
import { median, round } from "../support/stats";
import { type GateResult, measureGate } from "./measureGate";
import { openStack } from "./openStack";

/** Data-source resources per program; 0 is the fixed cost of a preview (CLI, plugins, program, stack). */
export const DATA_SOURCE_COUNTS = [0, 10, 50] as const;
/** Resources of the engine-floor program (see trivialReadProvider.ts). */
const FLOOR_COUNT = 50;

export interface EnginePreview {
  dataSources: number;
  medianMs: number;
  runsMs: number[];
  /** HTTP requests the emulator answered per preview (restore-range reads, plus the provider's IAM project lookup). */
  requestsPerPreview: number;
  maxInFlight: number;
}

export interface EngineResult {
  cliVersion: string;
  previews: EnginePreview[];
  /** (median at 50 − median at 0) ÷ 50: what one more data source adds to a preview. */
  perDataSourceMs: number;
  /** (median at 50 − median at 10) ÷ 40: the same, past the first few (the provider process is started by then). */
  perDataSourceMarginalMs: number;
  /** Diagnostic: 50 reads whose provider answers at once, no module and no request (see trivialReadProvider.ts). */
  engineFloor: { resources: number; medianMs: number; runsMs: number[]; perResourceMs: number };
  /** A directory project's preview with a restorable time and with a refused one (see measureGate.ts). */
  gate: GateResult;
}

/**
 * `pulumi preview` by the real engine (the provisioned CLI, its dynamic-provider host, a file backend) of a program
 * with 0, 10 and 50 `OffsiteRestoreTimeRanges`, each on a different instance, so each is one read in the provider
 * process. The program is an Automation API inline program, so that the figures are the engine's and the provider's,
 * without the program's load and type-check by the language host; the engine, the provider process and the steps are
 * those of `pulumi preview`.
 */
export async function measureEngine(emulator: EmulatorHost, options: { previewReps: number }): Promise<EngineResult> {
  const cli = await ensurePulumiCli({ log: (line) => process.stderr.write(`bench: ${line}\n`) });
  const workRoot = path.join(repoRoot, ".pulumi-work", "bench-engine");
  fs.rmSync(workRoot, { recursive: true, force: true });
  const instanceIds = await emulator.instanceIds(LOOKUP_REGION, Math.max(...DATA_SOURCE_COUNTS));

  const config = {
    "huaweicloud:region": { value: LOOKUP_REGION },
    "huaweicloud:accessKey": { value: emulator.credentials.accessKey },
    "huaweicloud:secretKey": { value: emulator.credentials.secretKey, secret: true },
    "huaweicloud-rds-offsite:rdsEndpoint": { value: emulator.url },
    "huaweicloud-rds-offsite:iamEndpoint": { value: emulator.url },
  };
  const stackFor = async (name: string, program: PulumiFn): Promise<Stack> => {
    // A directory of its own under the repository, so the provider process (cwd = workDir) resolves the package.
    const workDir = path.join(workRoot, name);
    fs.mkdirSync(workDir, { recursive: true });
    const stack = await openStack({
      cli,
      projectName: `bench-engine-${name}`,
      stackName: "bench",
      program,
      workDir,
      stateDir: workDir,
    });
    await stack.setAllConfig(config);
    return stack;
  };
  const stacks = new Map<number, Stack>();
  for (const count of DATA_SOURCE_COUNTS) {
    stacks.set(count, await stackFor(`sources-${count}`, programWith(instanceIds.slice(0, count))));
  }
  const floorStack = await stackFor("floor", async () => {
    const { TrivialRead } = await import("./trivialReadProvider");
    for (let index = 0; index < FLOOR_COUNT; index += 1) new TrivialRead(`trivial-${index}`);
    return { resources: FLOOR_COUNT };
  });

  const preview = async (count: number) => {
    const stack = stacks.get(count) as Stack;
    await emulator.reset();
    const { ms, stdout } = await timedPreview(stack);
    const stats = await emulator.stats();
    if (stats.failures > 0) throw new Error(`${stats.failures} requests failed in a preview of ${count} data sources`);
    // Every data source read its ranges during the preview: one restore-time request each (distinct instances).
    const reads = stats.byOperation.listRestoreTimes ?? 0;
    if (reads !== count) throw new Error(`a preview of ${count} data sources made ${reads} reads:\n${stdout}`);
    return { ms, requests: stats.requests, maxInFlight: stats.maxInFlight };
  };

  // Untimed warm-up: the first preview on a machine loads the CLI and plugins from a cold disk cache.
  for (const count of DATA_SOURCE_COUNTS) await preview(count);
  await timedPreview(floorStack);
  const runs = new Map<number, Awaited<ReturnType<typeof preview>>[]>(DATA_SOURCE_COUNTS.map((count) => [count, []]));
  const floorRuns: number[] = [];
  // Interleaved (0, 10, 50, floor, 0, …) so a slow moment of the machine does not land on one program only.
  for (let rep = 0; rep < options.previewReps; rep += 1) {
    for (const count of DATA_SOURCE_COUNTS) runs.get(count)?.push(await preview(count));
    floorRuns.push((await timedPreview(floorStack)).ms);
  }
  fs.rmSync(workRoot, { recursive: true, force: true });

  const previews = DATA_SOURCE_COUNTS.map((count): EnginePreview => {
    const samples = runs.get(count) ?? [];
    return {
      dataSources: count,
      medianMs: round(median(samples.map((sample) => sample.ms))),
      runsMs: samples.map((sample) => round(sample.ms)),
      requestsPerPreview: median(samples.map((sample) => sample.requests)),
      maxInFlight: Math.max(...samples.map((sample) => sample.maxInFlight)),
    };
  });
  const at = (count: number) => previews.find((preview) => preview.dataSources === count)?.medianMs ?? Number.NaN;
  const gate = await measureGate(emulator, options);
  return {
    cliVersion: cli.version,
    previews,
    perDataSourceMs: round((at(50) - at(0)) / 50, 1),
    perDataSourceMarginalMs: round((at(50) - at(10)) / 40, 1),
    engineFloor: {
      resources: FLOOR_COUNT,
      medianMs: round(median(floorRuns)),
      runsMs: floorRuns.map((ms) => round(ms)),
      perResourceMs: round((median(floorRuns) - at(0)) / FLOOR_COUNT, 1),
    },
    gate,
  };
}

async function timedPreview(stack: Stack): Promise<{ ms: number; stdout: string }> {
  const started = performance.now();
  const { stdout } = await stack.preview({ color: "never" });
  return { ms: performance.now() - started, stdout };
}

/** The inline program: `count` data sources, each reading the restore ranges of its own instance. */
function programWith(instanceIds: readonly string[]): PulumiFn {
  return async () => {
    const { OffsiteRestoreTimeRanges } = product.index();
    const sources = instanceIds.map(
      (instanceId, index) => new OffsiteRestoreTimeRanges(`ranges-${index}`, { instanceId }),
    );
    return { dataSources: sources.length };
  };
}
