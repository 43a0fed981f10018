/**
 * The command as npm users get it: the `npm pack` tarball installed alone (no @pulumi/pulumi, an optional peer) into
 * a fresh project outside the repository, both bin names run from its node_modules/.bin against the emulator.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emulatorForFile, environmentFor } from "../support/emulator";
import { assertBuilt, runProcess } from "./runCommand";

const exec = promisify(execFile);
const repoRoot = path.resolve(__dirname, "..", "..");
const REGION = "ap-southeast-1";
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "cli-installed-"));
const project = path.join(scratch, "project");
let env: Record<string, string>;

const { emulator } = await emulatorForFile({ seed: 7, regions: { [REGION]: 3 } });
beforeAll(async () => {
  assertBuilt();
  env = environmentFor(emulator, REGION);
  const packed = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
    cwd: repoRoot,
  });
  const tarball = path.join(scratch, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "ci-job", private: true }));
  await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball], { cwd: project });
}, 300_000);

afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("the installed command", () => {
  it("is installed without @pulumi/pulumi", () => {
    expect(fs.existsSync(path.join(project, "node_modules", "@pulumi"))).toBe(false);
  });

  it.each(["rds-offsite", "pulumi-huaweicloud-rds-offsite"])("runs as %s against the emulator", async (bin) => {
    const command = path.join(project, "node_modules", ".bin", bin);
    const id = emulator.dataset.instances(REGION)[0]!.id;
    const latest = Math.max(...emulator.dataset.restoreRanges(id).map((range) => range.end_time));
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
