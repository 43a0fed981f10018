/**
 * The Go SDK generated from the plugin's schema (sdks/go) and the Go example that uses it: they compile and pass
 * `go vet` with the versions their go.mod and go.sum pin (module proxy downloads, once, into the Go module cache),
 * and the example previews through the engine with the Go language host built from the module proxy.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureLanguageHost } from "../../scripts/language-hosts/provision.mjs";
import { GO_IMPORT_BASE_PATH } from "../../src/plugin/schema";
import { latestRestorable, useEmulator } from "../support/emulator";
import { repoRoot } from "./harness";
import { pluginTarball } from "./harness/pluginTarball";
import { refusalLines } from "./harness/refusal";
import { restoreGateProject } from "./harness/restoreGateProject";

const exampleDir = path.join(repoRoot, "examples", "go-restore-gate");
/** Pinned: a go.mod or go.sum that needs changing fails rather than being rewritten. */
const goEnv = { ...process.env, GOFLAGS: "-mod=readonly", GOWORK: "off", CGO_ENABLED: "0" };
const go = (args: string[]) =>
  promisify(execFile)("go", args, { cwd: exampleDir, env: goEnv, maxBuffer: 64 << 20 }).catch(
    (error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`go ${args.join(" ")} failed:\n${error.stderr ?? ""}${error.stdout ?? ""}${error.message}`);
    },
  );

describe("the generated Go SDK", () => {
  it("and examples/go-restore-gate pass go vet and build", { timeout: 1_800_000 }, async () => {
    await go(["vet", ".", GO_IMPORT_BASE_PATH]);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "go-restore-gate-"));
    try {
      await go(["build", "-o", path.join(out, "go-restore-gate"), "."]);
      expect(fs.statSync(path.join(out, "go-restore-gate")).isFile()).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});

describe("examples/go-restore-gate through the engine", () => {
  const REGION = "ap-southeast-1";
  const runningEmulator = useEmulator({ regions: { [REGION]: 8 } });
  let goHost: string;
  beforeAll(async () => {
    [goHost] = await Promise.all([ensureLanguageHost("go"), pluginTarball()]);
  }, 1_800_000);

  it("previews a restorable time and refuses another", { timeout: 900_000 }, async () => {
    const emulator = runningEmulator();
    const id = emulator.dataset.instances(REGION)[0]!.id;
    const latest = latestRestorable(emulator, id);
    const env = { PATH: `${goHost}:${process.env.PATH}`, GOFLAGS: "-mod=readonly", GOWORK: "off", CGO_ENABLED: "0" };
    const time = latest - 60_000;
    const project = await restoreGateProject({
      dir: "examples/go-restore-gate",
      emulator,
      region: REGION,
      restoreTime: new Date(time).toISOString(),
      env,
    });
    try {
      const preview = await project.run("preview");
      expect(preview.stdout).toMatch(/restorable\s*:\s*true/);
      expect(preview.stdout).toMatch(new RegExp(`restoreTime\\s*:\\s*${time}\\b`));
      const tooLate = new Date(latest + 3_600_000).toISOString();
      await project.configure({ restoreTime: tooLate });
      const refused = await project.runFailing("preview");
      const lines = refusalLines(refused.output, id, Date.parse(tooLate));
      expect(lines.length).toBeGreaterThan(0);
      expect(lines.at(-1)).toContain(new Date(latest).toISOString());
    } finally {
      project.cleanup();
    }
  });
});
