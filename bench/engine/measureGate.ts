import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { LOOKUP_REGION } from "../lookups/measureLookups";
import type { EmulatorHost } from "../support/emulatorHost";
import { emulatorLookup, product, repoRoot } from "../support/product";
import { median, round } from "../support/stats";

/** The refused preview may cost at most this many times the passing one. */
export const MAX_REFUSAL_TO_PASSING = 1.5;

export interface GateResult {
  /** `node --version` of the program, the runner whose stack formatting made refusals slow (Node 20.20). */
  node: string;
  passing: { medianMs: number; runsMs: number[] };
  refused: { medianMs: number; runsMs: number[] };
  /** refused ÷ passing medians. */
  refusalToPassing: number;
}

// The project users write: RestoreGate's restore point fed into the restore it guards (the e2e tests' fixture).
const PROJECT_DIR = path.join(repoRoot, "test", "e2e", "fixtures", "gate-shapes");
const pulumiScript = path.join(repoRoot, "scripts", "pulumi-cli.mjs");

/**
 * `pulumi preview` of a directory project, as a user runs it (the CLI, the Node language host, the program loaded by
 * the SDK's runner), once with a restorable time and once with a refused one, interleaved: a refusal is one read and
 * one message, so it should cost what a passing preview costs.
 */
export async function measureGate(emulator: EmulatorHost, options: { previewReps: number }): Promise<GateResult> {
  const [instanceId] = await emulator.instanceIds(LOOKUP_REGION, 1);
  if (instanceId === undefined) throw new Error(`the emulator has no instance in ${LOOKUP_REGION}`);
  const { ranges } = await product
    .queries()
    .queryOffsiteRestoreTimeRanges({ instanceId }, emulatorLookup(emulator, LOOKUP_REGION));
  const latest = Math.max(...ranges.map((range) => range.endTime));
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-gate-"));
  fs.mkdirSync(path.join(stateDir, "backend"));
  const env = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${stateDir}/backend`,
    PULUMI_HOME: path.join(stateDir, "home"),
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
  };
  const pulumi = (args: string[]) =>
    promisify(execFile)(process.execPath, [pulumiScript, ...args], { cwd: PROJECT_DIR, env, maxBuffer: 64 << 20 });
  const stacks = { passing: latest - 3_600_000, refused: latest + 86_400_000 };
  try {
    for (const [stack, restoreTime] of Object.entries(stacks)) {
      await pulumi(["stack", "init", stack]);
      await pulumi([
        "config",
        "set-all",
        "--stack",
        stack,
        ...["--plaintext", `huaweicloud:region=${LOOKUP_REGION}`],
        ...["--plaintext", `huaweicloud:accessKey=${emulator.credentials.accessKey}`],
        ...["--secret", `huaweicloud:secretKey=${emulator.credentials.secretKey}`],
        ...["--plaintext", `gate-shapes:instanceId=${instanceId}`],
        ...["--plaintext", `gate-shapes:restoreTime=${restoreTime}`],
        ...["--plaintext", "gate-shapes:shape=restore-point"],
      ]);
    }
    const preview = async (stack: keyof typeof stacks) => {
      const started = performance.now();
      const failed = await pulumi(["preview", "--stack", stack]).then(
        () => false,
        () => true,
      );
      if (failed !== (stack === "refused")) throw new Error(`the ${stack} preview ${failed ? "failed" : "passed"}`);
      return performance.now() - started;
    };
    // Untimed warm-up, then interleaved runs so a slow moment of the machine does not land on one side only.
    await preview("passing");
    await preview("refused");
    const runs = { passing: [] as number[], refused: [] as number[] };
    for (let rep = 0; rep < options.previewReps; rep += 1) {
      runs.passing.push(await preview("passing"));
      runs.refused.push(await preview("refused"));
    }
    const summary = (samples: number[]) => ({
      medianMs: round(median(samples)),
      runsMs: samples.map((ms) => round(ms)),
    });
    return {
      node: process.version,
      passing: summary(runs.passing),
      refused: summary(runs.refused),
      refusalToPassing: round(median(runs.refused) / median(runs.passing), 2),
    };
  } finally {
    for (const stack of Object.keys(stacks)) fs.rmSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), { force: true });
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}
