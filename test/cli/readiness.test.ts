import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emulatorForFile, environmentFor } from "../support/emulator";
import { assertBuilt, type CommandRun, forbidPulumi, runCommand, runCommandInTerminal } from "./runCommand";

const CASES = "ap-southeast-3";
const BUSY = "ap-southeast-1";
const ANCHOR = Date.UTC(2026, 11, 1, 6);
const AS_OF = "2026-12-01T06:00:00Z";
const STALE = "ca5e0001a0b1c2d3e4f5a6b7c8d9e0f1in01";
const HOLES = "ca5e0002a0b1c2d3e4f5a6b7c8d9e0f1in03";
const UNPROTECTED = "ca5e0003a0b1c2d3e4f5a6b7c8d9e0f1in04";
const FAILING = "ca5e0004a0b1c2d3e4f5a6b7c8d9e0f1in01";
const ARCHIVE = "ca5e0005a0b1c2d3e4f5a6b7c8d9e0f1in01";
const READY = "ca5e0006a0b1c2d3e4f5a6b7c8d9e0f1in01";

let env: Record<string, string>;

const { emulator } = await emulatorForFile({
  anchorTime: ANCHOR,
  regions: { [CASES]: 0, [BUSY]: 120 },
  readinessCases: CASES,
});
beforeAll(async () => {
  assertBuilt();
  // No retries: the failing lookup answers at once (retries are the HTTP client's, tested on their own).
  env = { ...environmentFor(emulator, CASES), HW_MAX_RETRIES: "0" };
});
beforeEach(() => {
  emulator.resetStats();
  emulator.setLatency(0);
});

const readiness = (args: readonly string[], environment = env): Promise<CommandRun> =>
  runCommand(["readiness", "--as-of", AS_OF, ...args], environment);
const tableRows = (stdout: string) =>
  stdout
    .split("\n")
    .slice(3)
    .filter((line) => /^(ok|gaps|stale|unprotected|error) /.test(line))
    .map((line) => line.split(/\s{2,}/));

describe("rds-offsite readiness", () => {
  it("exits 1 and lists every instance not ok, worst first, with what failed", async () => {
    const { status, stdout, stderr } = await readiness(["--max-lag", "15m", "--min-coverage", "99.5"]);
    expect(stderr).toBe("");
    expect(status).toBe(1);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe(
      `Recovery readiness of ${CASES} as of 2026-12-01T06:00:00.000Z: 2 of 6 instances ok; 1 gaps, 1 stale, 1 unprotected, 1 error; worst lag 3d.`,
    );
    expect(lines[1]).toBe("Thresholds: max lag 15m, min coverage 99.5%, gaps longer than 5m.");
    expect(tableRows(stdout).map((cells) => [cells[0], cells.at(-2)])).toEqual([
      ["error", FAILING],
      ["unprotected", UNPROTECTED],
      ["stale", STALE],
      ["gaps", HOLES],
    ]);
    expect(tableRows(stdout)[2]).toEqual([
      "stale",
      "3d",
      "57.04%",
      "2026-11-28T06:00:00.000Z",
      "1 (longest 10m)",
      STALE,
      "dr-stale-orders",
    ]);
    // The name's markup stays text and its terminal escape cannot reach the terminal.
    expect(stdout).toContain(`${UNPROTECTED}  crm <legacy> & "old"\uFFFD[31m`);
    expect(stdout).not.toContain("\u001b");
    expect(stdout).toMatch(
      new RegExp(
        `^${FAILING}: GET /v3/\\w+/instances/${FAILING}/offsite-restore-time failed: HTTP 500 DBS.108000: Server failure.`,
        "m",
      ),
    );
  });

  it("runs on the core alone: @pulumi/pulumi is never loaded", async () => {
    const result = await runCommand(["readiness", "--as-of", AS_OF, "--json"], env, ["--require", forbidPulumi]);
    expect(result.stderr).toBe("");
    expect(JSON.parse(result.stdout).summary.total).toBe(6);
  });

  it("exits 0 when every instance kept by the filters is ok, the 1,825-day retention included", async () => {
    for (const name of ["dr-ready-payments", "dr-archive-erp"]) {
      const { status, stdout } = await readiness(["--name", name, "--max-lag", "15m"]);
      expect(status).toBe(0);
      expect(stdout).toBe(
        `Recovery readiness of ${CASES} as of 2026-12-01T06:00:00.000Z: 1 of 1 instances ok; worst lag ${name === "dr-ready-payments" ? "4m" : "2m"}.\nThresholds: max lag 15m, min coverage 99%, gaps longer than 5m.\n`,
      );
    }
  });

  it("a lag exactly at --max-lag is ok, a minute less is stale", async () => {
    expect((await readiness(["--name", "dr-ready-payments", "--max-lag", "4m"])).status).toBe(0);
    expect((await readiness(["--name", "dr-ready-payments", "--max-lag", "180s"])).status).toBe(1);
  });

  it("--json is the result: --min-coverage 99.5 is the fraction 0.995, durations are milliseconds", async () => {
    const { status, stdout } = await readiness([
      "--json",
      "--max-lag",
      "2h",
      "--min-coverage",
      "99.5",
      "--min-gap",
      "1d",
    ]);
    expect(status).toBe(1);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      region: CASES,
      asOf: ANCHOR,
      maxLagMs: 7_200_000,
      minCoverage: 0.995,
      minGapMs: 86_400_000,
      ready: false,
      summary: { total: 6, ok: 2, gaps: 1, stale: 1, unprotected: 1, error: 1, worstLagMs: 3 * 86_400_000 },
    });
    expect(result.instances.map((row: { id: string }) => row.id)).toEqual([
      FAILING,
      UNPROTECTED,
      STALE,
      HOLES,
      READY,
      ARCHIVE,
    ]);
    const holes = result.instances[3];
    expect(holes).toMatchObject({ status: "gaps", lagMs: 180_000, gaps: [] });
    expect(result.instances[0].error).toMatchObject({ errorCode: "DBS.108000" });
  });

  it("--markdown is a table for $GITHUB_STEP_SUMMARY with outside text escaped", async () => {
    const { status, stdout } = await readiness(["--markdown"]);
    expect(status).toBe(1);
    expect(stdout).toContain(`### Recovery readiness of ${CASES}\n\n❌ **Not ready**: 2 of 6 instances ok;`);
    expect(stdout).toContain(
      "| ok | gaps | stale | unprotected | error | total |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n| 2 | 1 | 1 | 1 | 1 | 6 |",
    );
    const rows = stdout.split("\n").filter((line) => /^\| \S+ (ok|gaps|stale|unprotected|error) \|/.test(line));
    expect(rows.map((row) => row.split(" | ")[0])).toEqual([
      "| ⚠️ error",
      "| 🔴 unprotected",
      "| 🟠 stale",
      "| 🟡 gaps",
    ]);
    expect(rows[1]).toContain(`crm &lt;legacy&gt; &amp; &quot;old&quot;\uFFFD\\[31m<br>${UNPROTECTED}`);
    expect(stdout).not.toContain("\u001b");
  });

  it("--html FILE writes one self-contained page with a section per instance, worst first", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "readiness-"));
    const file = path.join(dir, "readiness.html");
    const { status } = await readiness(["--html", file]);
    expect(status).toBe(1);
    const page = fs.readFileSync(file, "utf8");
    expect(
      [...page.matchAll(/<section class="instance" data-status="(\w+)" data-id="(\w+)"/g)].map((m) => m[2]),
    ).toEqual([FAILING, UNPROTECTED, STALE, HOLES, READY, ARCHIVE]);
    expect(page).not.toMatch(/\b(src|href)=|url\(|@import|<script/i);
    expect(page).toContain("crm &lt;legacy&gt; &amp; &quot;old&quot;\uFFFD[31m");
    fs.rmSync(dir, { recursive: true });
  });

  it("refuses a bad command line with exit 2 before any request", async () => {
    const cases: [string[], string][] = [
      [
        ["--max-lag", "15 minutes"],
        `Invalid argument "--max-lag": "15 minutes" is not a duration such as "90s", "15m", "2h" or "1d" (or milliseconds)`,
      ],
      [
        ["--min-coverage", "0.995%"],
        `Option '--min-coverage' takes a percent from 0 to 100 such as 99.5, got "0.995%".`,
      ],
      [["--min-coverage", "150"], `Option '--min-coverage' takes a percent from 0 to 100 such as 99.5, got "150".`],
      [["--json", "--markdown"], "Options '--json' and '--markdown' exclude each other."],
      [["--as-of", "yesterday"], `Invalid argument "--as-of": "yesterday" is not an ISO-8601 date-time with a zone`],
      [
        ["--as-of", "1796227200"],
        `Invalid argument "--as-of": "1796227200" is epoch milliseconds of 1970-01-21T18:57:07.200Z, before 2001: probably epoch seconds. Give epoch milliseconds (1796227200000) or ISO-8601 (2026-12-02T16:00:00.000Z)`,
      ],
    ];
    for (const [args, message] of cases) {
      const { status, stdout, stderr } = await runCommand(["readiness", ...args], env);
      expect(status).toBe(2);
      expect(stderr).toContain(message);
      // Under --json a failure is also one error object on stdout; otherwise stdout stays empty.
      if (args.includes("--json")) expect(JSON.parse(stdout)).toEqual({ error: { kind: "usage", message } });
      else expect(stdout).toBe("");
    }
    expect(emulator.requests).toHaveLength(0);
  });

  it("exits 3 when the listing fails, and when the configuration does", async () => {
    emulator.queueFault({ operation: "listOffsiteInstances", status: 403 });
    const refused = await readiness([]);
    expect(refused).toMatchObject({ status: 3, stdout: "" });
    expect(refused.stderr).toContain("HTTP 403 DBS.200010");
    const { HW_REGION_NAME: _region, ...withoutRegion } = env;
    const unconfigured = await readiness([], withoutRegion);
    expect(unconfigured).toMatchObject({ status: 3, stdout: "" });
    expect(unconfigured.stderr).toContain("HW_REGION_NAME");
  });

  it("shows 'n/total instances' on a terminal's stderr while it scans, and nothing when stderr is not one", async () => {
    emulator.setLatency(40);
    const slow = { ...environmentFor(emulator, BUSY), HW_MAX_CONCURRENCY: "2" };
    const terminal = await runCommandInTerminal(["readiness", "--as-of", AS_OF, "--json"], slow);
    expect(terminal.status).toBe(1);
    const counts = [...terminal.stdout.matchAll(/(\d+)\/120 instances/g)].map((match) => Number(match[1]));
    expect(counts.length).toBeGreaterThan(1);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(terminal.stdout).toContain("\r\x1b[K");
    const piped = await runCommand(["readiness", "--as-of", AS_OF, "--json"], slow);
    expect(piped.status).toBe(1);
    expect(piped.stderr).toBe("");
    expect(JSON.parse(piped.stdout).summary.total).toBe(120);
  });
});
