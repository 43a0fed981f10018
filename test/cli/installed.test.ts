/**
 * The command as npm users get it: the `npm pack` tarball installed alone (no @pulumi/pulumi, an optional peer) into
 * a fresh project outside the repository, both bin names run from its node_modules/.bin against the emulator.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorForFile, environmentFor, latestRestorable } from "../support/emulator";
import { projectWithCommandOnly } from "../support/packedPackage";
import { assertBuilt, runProcess } from "./runCommand";

const repoRoot = path.resolve(__dirname, "..", "..");
const REGION = "ap-southeast-1";
let project: string;

const { emulator } = await emulatorForFile({ seed: 7, regions: { [REGION]: 3 } });
const env = environmentFor(emulator, REGION);
beforeAll(async () => {
  assertBuilt();
  // Packed and installed once for this file and test/e2e/packaging.test.ts.
  project = await projectWithCommandOnly();
}, 300_000);

describe("the installed command", () => {
  it("is installed without @pulumi/pulumi", () => {
    expect(fs.existsSync(path.join(project, "node_modules", "@pulumi"))).toBe(false);
  });

  it.each(["rds-offsite", "pulumi-huaweicloud-rds-offsite"])("runs as %s against the emulator", async (bin) => {
    const command = path.join(project, "node_modules", ".bin", bin);
    const id = emulator.dataset.instances(REGION)[0]!.id;
    const latest = latestRestorable(emulator, id);
    const { version } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as { version: string };
    expect(await runProcess(command, ["--version"], env)).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
    expect(await runProcess(command, ["latest", "--instance-id", id], env)).toEqual({
      status: 0,
      stdout: `${new Date(latest).toISOString()}\n`,
      stderr: "",
    });
    const check = await runProcess(command, ["check", "--instance-id", id, "--time", String(latest + 1)], env);
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(new RegExp(`^Cannot restore DB instance ${id} to `));
  });
});
