/**
 * The provider plugin from a Python program, through the real engine: the Python language host (built from the Go
 * module proxy), the Pulumi Python SDK from PyPI in a cached virtual environment, and the SDK generated from the
 * plugin's schema (sdks/python), against the emulator.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureLanguageHost } from "../../scripts/language-hosts/provision.mjs";
import { ensurePythonEnvironment, installPythonPackage } from "../../scripts/language-hosts/pythonEnvironment.mjs";
import { emulatorForFile, latestRestorable } from "../support/emulator";
import { repoRoot } from "./harness";
import { pluginTarball } from "./harness/pluginTarball";
import type { DirectoryProject } from "./harness/pulumiInDirectory";
import { refusalLines } from "./harness/refusal";
import { restoreGateProject } from "./harness/restoreGateProject";

const OP_TIMEOUT = 240_000;
const REGION = "ap-southeast-1";
/** A Python traceback, as the interpreter prints one. */
const TRACEBACK = /Traceback \(most recent call last\)/;

let searchPath: string;
/** The committed sdks/python, installed as a user installs it (its version comes from its metadata). */
const sdkSite = fs.mkdtempSync(path.join(os.tmpdir(), "python-sdk-"));
const { emulator } = await emulatorForFile({ regions: { [REGION]: 40 } });
beforeAll(async () => {
  const [host, python] = await Promise.all([ensureLanguageHost("python"), ensurePythonEnvironment(), pluginTarball()]);
  await installPythonPackage(path.join(repoRoot, "sdks", "python"), sdkSite);
  searchPath = `${host}:${python}:${process.env.PATH}`;
}, 1_800_000);
afterAll(() => {
  fs.rmSync(sdkSite, { recursive: true, force: true });
});

const first = () => emulator.dataset.instances(REGION)[0]!;
const latestOf = (id: string) => latestRestorable(emulator, id);

const gateProject = (restoreTime: string): Promise<DirectoryProject> =>
  restoreGateProject({
    dir: "examples/python-restore-gate",
    emulator,
    region: REGION,
    restoreTime,
    env: { PATH: searchPath, PYTHONPATH: sdkSite },
  });

describe("examples/python-restore-gate: the generated Python SDK over the plugin", () => {
  it(
    "previews a restorable time with its range",
    async () => {
      const time = latestOf(first().id) - 60_000;
      const project = await gateProject(new Date(time).toISOString());
      try {
        const preview = await project.run("preview");
        expect(preview.stdout).toMatch(/restorable\s*:\s*true/);
        expect(preview.stdout).toMatch(new RegExp(`restoreTime\\s*:\\s*${time}\\b`));
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    'fails the preview with the refusal for a time the backup cannot be restored to (on_unavailable="fail")',
    async () => {
      const id = first().id;
      const tooLate = latestOf(id) + 3_600_000;
      const project = await gateProject(new Date(tooLate).toISOString());
      try {
        const refused = await project.runFailing("preview");
        const lines = refusalLines(refused.output, id, tooLate);
        expect(lines.length).toBeGreaterThan(0);
        // Once in the stack's row, once in Diagnostics.
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain(new Date(latestOf(id)).toISOString());
        expect(refused.output).not.toMatch(TRACEBACK);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "refuses a bad argument with the TypeScript function's message, naming it",
    async () => {
      const project = await gateProject("yesterday");
      try {
        const refused = await project.runFailing("preview");
        expect(refused.output).toContain(
          'Invalid argument "restoreTime": "yesterday" is not an ISO-8601 date-time with a zone (e.g. "2026-11-20T03:00:00Z" or "2026-11-20T11:00:00+08:00") nor epoch milliseconds',
        );
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});
