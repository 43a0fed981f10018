/**
 * The examples and the demo as ordinary Pulumi projects: `npm run pulumi -- preview|up|refresh|destroy` in their
 * directories (the CLI and its Node language host, TypeScript through the SDK's ts-node, ESM through Node), against
 * the emulator, asserting what the user reads on the terminal.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { emulatorForFile, latestRestorable } from "../support/emulator";
import { repoRoot } from "./harness";
import { type DirectoryProject, pulumiInDirectory } from "./harness/pulumiInDirectory";
import { refusalOf } from "./harness/refusal";

const OP_TIMEOUT = 240_000;
/** Where the emulator lists its readiness cases (stale, holes, unprotected, failing, long retention, ready). */
const READINESS_REGION = "ap-southeast-3";
const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 40 }, readinessCases: READINESS_REGION });

/** A fresh stack of the project in `dir`: endpoints from the environment, region and credentials from stack config. */
async function projectOn(dir: string, config: Record<string, string> = {}): Promise<DirectoryProject> {
  const project = await pulumiInDirectory({
    dir,
    env: { HW_RDS_ENDPOINT: emulator.url, HW_IAM_ENDPOINT: emulator.url },
  });
  await project.configure(
    { "huaweicloud:region": "ap-southeast-1", "huaweicloud:accessKey": emulator.credentials.accessKey, ...config },
    { "huaweicloud:secretKey": emulator.credentials.secretKey },
  );
  return project;
}

const first = () => emulator.dataset.instances("ap-southeast-1")[0]!;
const latestOf = (id: string) => latestRestorable(emulator, id);
/** A JavaScript stack frame line, as Node prints them. */
const STACK_FRAME = /^\s+at .+[:(]/m;

describe("examples, as directory projects through the CLI against the emulator", () => {
  it(
    "list-offsite-instances (TypeScript, CommonJS): values in preview and up, refresh re-reads, destroy forgets",
    async () => {
      const postgres = emulator.dataset.instances("ap-southeast-1").filter((i) => i.datastore?.type === "PostgreSQL");
      const project = await projectOn("examples/list-offsite-instances");
      try {
        const preview = await project.run("preview");
        expect(preview.stdout).toMatch(/instancesWithOffsiteBackups\s*:\s*40\n/);
        expect(preview.stdout).toContain(postgres[0]!.id);
        const up = await project.run("up");
        expect(up.stdout).toMatch(/instancesWithOffsiteBackups\s*:\s*40\n/);
        expect(up.stdout).toMatch(
          /read\s+pulumi-nodejs:dynamic\/huaweicloud-rds-offsite:OffsiteBackupInstances\s+all-offsite-backups/,
        );
        const refresh = await project.run("refresh");
        expect(refresh.stdout).toMatch(/2 unchanged/);
        // the read resource is discarded from the state, not deleted: only the stack counts as deleted
        const destroy = await project.run("destroy");
        expect(destroy.stdout).toMatch(/Resources:\n\s+- 1 deleted\n/);
        expect(
          emulator.requests.some((r) => r.operation !== "listOffsiteInstances" && r.operation !== "listProjects"),
        ).toBe(false);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "restore-time-ranges (TypeScript, CommonJS) deploys with the latest restorable time",
    async () => {
      const project = await projectOn("examples/restore-time-ranges");
      try {
        const up = await project.run("up");
        expect(up.stdout).toMatch(new RegExp(`instanceId\\s*:\\s*"${first().id}"`));
        expect(up.stdout).toMatch(
          new RegExp(`latestRestorableTime\\s*:\\s*"${new Date(latestOf(first().id)).toISOString()}"`),
        );
        expect((await project.run("refresh")).stdout).toMatch(/unchanged/);
        expect((await project.run("destroy")).stdout).toMatch(/deleted/);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "restore-gate (JavaScript, ESM) passes a restorable time and refuses another, with the message and no stack trace",
    async () => {
      const id = first().id;
      const project = await projectOn("examples/restore-gate", {
        "restore-gate:sourceInstanceId": id,
        "restore-gate:restoreTime": String(latestOf(id) - 60_000),
      });
      try {
        expect((await project.run("preview")).stdout).toMatch(/restorable\s*:\s*true/);
        expect((await project.run("up")).stdout).toMatch(/restorable\s*:\s*true/);
        await project.run("refresh");
        const tooLate = new Date(latestOf(id) + 3_600_000).toISOString();
        await project.configure({ "restore-gate:restoreTime": tooLate });
        const refused = await project.runFailing("preview");
        expect(refused.output).toContain(refusalOf(id, Date.parse(tooLate)));
        expect(refused.output).not.toMatch(STACK_FRAME);
        expect((await project.run("destroy")).stdout).toMatch(/deleted/);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});

describe("the recovery-readiness example", () => {
  it(
    "recovery-readiness (TypeScript, CommonJS) fails the preview naming the instances not ready, and exports the summary when all are",
    async () => {
      const project = await projectOn("examples/recovery-readiness", {
        "huaweicloud:region": READINESS_REGION,
        // The emulator's anchor is the hour: the ready case is 4 minutes behind it, so at most 64 minutes behind now.
        "recovery-readiness:maxLag": "2h",
      });
      try {
        const refused = await project.runFailing("preview");
        expect(refused.output).toContain(
          `Recovery readiness is not met in ${READINESS_REGION}: 4 of 6 instances are not ok: dr-failing-ledger (ca5e0004a0b1c2d3e4f5a6b7c8d9e0f1in01): error; `,
        );
        expect(refused.output).toMatch(/dr-stale-orders \(\w+\): stale; dr-holes-billing \(\w+\): gaps\./);
        expect(refused.output).not.toMatch(STACK_FRAME);
        await project.configure({ "recovery-readiness:name": "dr-ready-payments" });
        const preview = await project.run("preview");
        expect(preview.stdout).toMatch(/summary\s*:\s*\{[^}]*ok\s*:\s*1[^}]*total\s*:\s*1/s);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});

describe("the demo (Pulumi.yaml at the repository root)", () => {
  it(
    "npm start previews it against the emulator: instances, ranges, and one restorable and one refused time",
    async () => {
      const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", "scripts/demo.ts"], {
        cwd: repoRoot,
        maxBuffer: 16 << 20,
      });
      expect(stdout).toMatch(/instancesInRegion\s*:\s*237\n/);
      expect(stdout).toMatch(/gateOneHourAgo\s*:\s*".*: restorable=true"/);
      expect(stdout).toMatch(/gateTomorrow\s*:\s*".*: restorable=false"/);
      expect(stdout).toContain("warning: Cannot restore DB instance");
      expect(stdout).toMatch(/The emulator verified and answered \d+ signed requests/);
    },
    OP_TIMEOUT,
  );

  it(
    "deploys, refreshes and destroys as a directory project",
    async () => {
      const project = await pulumiInDirectory({
        dir: repoRoot,
        env: {
          HW_RDS_ENDPOINT: emulator.url,
          HW_IAM_ENDPOINT: emulator.url,
          HW_ACCESS_KEY: emulator.credentials.accessKey,
          HW_SECRET_KEY: emulator.credentials.secretKey,
        },
      });
      try {
        const up = await project.run("up");
        expect(up.stdout).toMatch(/gateOneHourAgo\s*:\s*".*: restorable=true"/);
        expect(up.stdout).toContain("warning: Cannot restore DB instance");
        expect((await project.run("refresh")).stdout).toMatch(/unchanged/);
        expect((await project.run("destroy")).stdout).toMatch(/deleted/);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});

it("every example that is a Pulumi project is covered above or by the plugin's tests", () => {
  const covered = ["list-offsite-instances", "recovery-readiness", "restore-gate", "restore-time-ranges"];
  // test/e2e/pluginGo.test.ts, pluginPython.test.ts, pluginYaml.test.ts, release.test.ts (Java, and the others again)
  const coveredByPluginTests = ["go-restore-gate", "java-restore-gate", "python-restore-gate", "yaml-restore-gate"];
  const projects = fs
    .readdirSync(path.join(repoRoot, "examples"))
    .filter((name) => fs.existsSync(path.join(repoRoot, "examples", name, "Pulumi.yaml")));
  expect(projects.sort()).toEqual([...covered, ...coveredByPluginTests].sort());
});
