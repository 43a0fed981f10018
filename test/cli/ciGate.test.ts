import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorForFile, environmentFor, latestRestorable } from "../support/emulator";
import { assertBuilt, cliPath, runProcess } from "./runCommand";

const REGION = "ap-southeast-1";
const exampleDir = path.resolve(__dirname, "..", "..", "examples", "ci-gate");
const gateScript = path.join(exampleDir, "gate.sh");

let connection: Record<string, string>;
const { emulator } = await emulatorForFile({ seed: 5, regions: { [REGION]: 8 } });
beforeAll(async () => {
  assertBuilt();
  connection = { ...environmentFor(emulator, REGION), RDS_OFFSITE: `${process.execPath} ${cliPath}` };
});

const iso = (ms: number) => new Date(ms).toISOString();
const first = () => emulator.dataset.instances(REGION)[0]!.id;
const latestOf = (id: string) => latestRestorable(emulator, id);

/** gate.sh as a GitHub Actions step runs it: the step's variables, and a GITHUB_OUTPUT file. */
async function gate(step: Record<string, string>, environment = connection) {
  const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ci-gate-")), "output");
  fs.writeFileSync(outputFile, "");
  try {
    const result = await runProcess("bash", [gateScript], { ...environment, ...step, GITHUB_OUTPUT: outputFile });
    return { ...result, stepOutput: fs.readFileSync(outputFile, "utf8") };
  } finally {
    fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
  }
}

describe("examples/ci-gate/gate.sh, a CI step gating on rds-offsite check", () => {
  it("goes on for a restorable time and hands the time to the next step", async () => {
    const id = first();
    const time = iso(latestOf(id) - 3_600_000);
    const result = await gate({ INSTANCE_ID: id, RESTORE_TIME: time });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^Restorable: DB instance ${id} can be restored to ${time} `));
    expect(result.stdout).toContain(`Go: restoring DB instance ${id} to ${time}.\n`);
    expect(result.stepOutput).toBe(`restore-time=${time}\n`);
  });

  it("resolves RESTORE_TIME=latest with rds-offsite latest", async () => {
    const id = first();
    const result = await gate({ INSTANCE_ID: id, RESTORE_TIME: "latest" });
    expect(result.status).toBe(0);
    expect(result.stepOutput).toBe(`restore-time=${iso(latestOf(id))}\n`);
  });

  it("stops, saying why, when RESTORE_TIME=latest finds no answer", async () => {
    const { HW_SECRET_KEY: _secret, ...withoutSecret } = connection;
    const result = await gate({ INSTANCE_ID: first(), RESTORE_TIME: "latest" }, withoutSecret);
    expect(result.status).toBe(3);
    expect(result.stderr).toBe(
      "An access key is set in environment but its secret key is not. Set HW_SECRET_KEY (environment) too.\n" +
        "Stop: no latest restorable time to restore to (exit status 3).\n",
    );
    expect(result.stepOutput).toBe("");
  });

  it("stops with exit 1 and the nearest ranges for an unrestorable time", async () => {
    const id = first();
    const time = iso(latestOf(id) + 86_400_000);
    const result = await gate({ INSTANCE_ID: id, RESTORE_TIME: time });
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(new RegExp(`^Cannot restore DB instance ${id} to ${time} .*Nearest available`));
    expect(result.stderr).toBe("Stop: choose a restore time within the ranges above.\n");
    expect(result.stepOutput).toBe("");
  });

  it("stops with exit 3, not 1, when it gets no answer", async () => {
    const { HW_SECRET_KEY: _secret, ...withoutSecret } = connection;
    const result = await gate({ INSTANCE_ID: first(), RESTORE_TIME: "2026-11-20T03:00:00Z" }, withoutSecret);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain("Stop: no decision (exit status 3); nothing was checked against the backup.\n");
    expect(result.stepOutput).toBe("");
  });
});

describe("npm run ci-gate", () => {
  it("runs the gate against the emulator: go for a restorable time, stop for an unrestorable one", async () => {
    const tsx = path.resolve(__dirname, "..", "..", "node_modules", ".bin", "tsx");
    const result = await runProcess(tsx, [path.join(exampleDir, "against-emulator.ts")], {});
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Go: restoring DB instance \w+ to \S+\.\n\(exit status 0\)/);
    expect(result.stdout).toMatch(/Cannot restore DB instance \w+ to \S+ .*\n\(exit status 1\)/);
    expect(result.stderr).toBe("Stop: choose a restore time within the ranges above.\n");
  });
});
