import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { emulatorForFile, environmentFor } from "../support/emulator";
import { assertBuilt, cliPath, runProcess } from "./runCommand";

const REGION = "ap-southeast-3";
const exampleDir = path.resolve(__dirname, "..", "..", "examples", "readiness-nightly");
const script = path.join(exampleDir, "readiness.sh");

let connection: Record<string, string>;
// Backups a minute old: the ready case is 5 minutes behind now, within the step's MAX_LAG of 15m.
const { emulator } = await emulatorForFile({
  anchorTime: Date.now() - 60_000,
  regions: { [REGION]: 0 },
  readinessCases: REGION,
});
beforeAll(async () => {
  assertBuilt();
  connection = {
    ...environmentFor(emulator, REGION),
    RDS_OFFSITE: `${process.execPath} ${cliPath}`,
    HW_MAX_RETRIES: "0",
  };
});

/** readiness.sh as the workflow's step runs it: its variables, and a $GITHUB_STEP_SUMMARY file. */
async function nightly() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readiness-nightly-"));
  const summaryFile = path.join(dir, "summary.md");
  fs.writeFileSync(summaryFile, "## Earlier step\n");
  try {
    const result = await runProcess("bash", [script], {
      ...connection,
      GITHUB_STEP_SUMMARY: summaryFile,
      READINESS_HTML: path.join(dir, "readiness.html"),
    });
    return {
      ...result,
      summary: fs.readFileSync(summaryFile, "utf8"),
      page: fs.existsSync(path.join(dir, "readiness.html"))
        ? fs.readFileSync(path.join(dir, "readiness.html"), "utf8")
        : "",
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("examples/readiness-nightly, a nightly CI step", () => {
  it("the workflow runs the script every night", () => {
    const workflow = fs.readFileSync(path.join(exampleDir, "github-actions.yml"), "utf8");
    expect(workflow).toMatch(/schedule:\n\s+- cron: "17 2 \* \* \*"/);
    expect(workflow).toContain("run: examples/readiness-nightly/readiness.sh");
  });

  it("appends the Markdown report to the job summary, writes the page and fails the step when not ready", async () => {
    const result = await nightly();
    expect(result.status).toBe(1);
    expect(result.summary).toMatch(
      /^## Earlier step\n### Recovery readiness of ap-southeast-3\n\n❌ \*\*Not ready\*\*: 2 of 6 instances ok;/,
    );
    expect(result.summary).toContain("| 🟠 stale | dr-stale-orders<br>");
    expect(result.stderr).toMatch(
      /^Not ready: see the job summary and \S+\/readiness\.html for the instances, worst first\.\n$/,
    );
    expect(result.page).toContain("<title>Recovery readiness of ap-southeast-3</title>");
  });

  it("passes when every instance is ready", async () => {
    for (const instance of emulator.dataset.instances(REGION)) {
      if (!["dr-ready-payments", "dr-archive-erp"].includes(instance.name ?? ""))
        emulator.dataset.removeInstance(instance.id);
    }
    const result = await nightly();
    expect(result.status).toBe(0);
    expect(result.summary).toContain("✅ **Ready**: 2 of 2 instances ok;");
    expect(result.stdout).toBe("Ready: every instance can be restored within 15m of now.\n");
  });
});
