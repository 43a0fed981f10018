import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { OffsiteBackupInstance, RestoreTimeRange } from "../../emulator";
import { flagName } from "../../src/cli/flags";
import { PROGRESS_DELAY_MS } from "../../src/cli/progress";
import type { FieldDefinition } from "../../src/core/dataSources/definition";
import { FILTER_KEYS, getOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { emulatorForFile } from "../support/emulator";
import { assertBuilt, type CommandRun, forbidPulumi, runCommand, runCommandInTerminal } from "./runCommand";

const REGION = "ap-southeast-1";
const SMALL_REGION = "cn-north-4";
const ACCESS_KEY = "CLITESTAK00000000042";
const SECRET_KEY = "CliSecretKeyThatMustNeverBePrinted000000";
const SECURITY_TOKEN = "CliSecurityTokenThatMustNeverBePrinted";
const UNREACHABLE = "http://127.0.0.1:9";

let env: Record<string, string>;

const { emulator } = await emulatorForFile({
  seed: 3,
  regions: { [REGION]: 40, [SMALL_REGION]: 5 },
  credentials: [{ accessKey: ACCESS_KEY, secretKey: SECRET_KEY, securityToken: SECURITY_TOKEN }],
});
beforeAll(async () => {
  assertBuilt();
  env = {
    HW_ACCESS_KEY: ACCESS_KEY,
    HW_SECRET_KEY: SECRET_KEY,
    HW_SECURITY_TOKEN: SECURITY_TOKEN,
    HW_REGION_NAME: REGION,
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
  };
});

/** The built command in a fresh process; whatever it prints, no secret of the credential is in it. */
async function run(args: readonly string[], environment: Record<string, string> = env): Promise<CommandRun> {
  const result = await runCommand(args, environment);
  for (const secret of [ACCESS_KEY, SECRET_KEY, SECURITY_TOKEN]) {
    expect(result.stdout).not.toContain(secret);
    expect(result.stderr).not.toContain(secret);
  }
  return result;
}

/** Runs a command that must be refused before any request: exit 2, nothing on stdout, no request made. */
async function refused(args: readonly string[], environment: Record<string, string> = env): Promise<string> {
  const before = emulator.requests.length;
  const result = await run(args, environment);
  expect(result).toMatchObject({ status: 2, stdout: "" });
  expect(emulator.requests.length).toBe(before);
  return result.stderr;
}

const iso = (ms: number) => new Date(ms).toISOString();
const cells = (line: string) => line.split(/\s{2,}/);
const instancesOf = (region: string) => emulator.dataset.instances(region);
const rangesOf = (id: string) => emulator.dataset.restoreRanges(id);
const latestOf = (id: string) => Math.max(...rangesOf(id).map((range) => range.end_time));
const formatRange = (range: RestoreTimeRange) => `${iso(range.start_time)} – ${iso(range.end_time)}`;
const rangeJson = (range: RestoreTimeRange) => ({
  startTime: range.start_time,
  endTime: range.end_time,
  startTimeIso: iso(range.start_time),
  endTimeIso: iso(range.end_time),
});
/**
 * The library's camelCase shape of an instance, as JSON prints it (absent fields absent): written out here rather
 * than taken from the data source's mapping (src/core/dataSources/getOffsiteBackupInstances.ts), so the test does not check the mapping against itself.
 */
const instanceJson = (
  wire: OffsiteBackupInstance,
): { [field: string]: unknown; id: string; datastore: { type?: string } } =>
  JSON.parse(
    JSON.stringify({
      id: wire.id,
      name: wire.name,
      sourceRegion: wire.source_region,
      sourceProjectId: wire.source_project_id,
      datastore: { type: wire.datastore?.type, version: wire.datastore?.version },
      destinationRegion: wire.destination_region,
      destinationProjectId: wire.destination_project_id,
      keepDays: wire.keep_days,
    }),
  );
/** An instance of REGION whose backup has at least two ranges, so there is a gap to ask about. */
const withGap = () => instancesOf(REGION).find((instance) => rangesOf(instance.id).length >= 2)!;

describe("instances", () => {
  it("prints every instance of the configured region as an aligned table, in API order", async () => {
    const result = await run(["instances", "--region", SMALL_REGION]);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const [header, ...rows] = result.stdout.trimEnd().split("\n");
    expect(header).toMatch(/^ID {2,}ENGINE {2,}VERSION {2,}SOURCE REGION {2,}BACKUP REGION {2,}KEEP DAYS {2,}NAME$/);
    const expected = instancesOf(SMALL_REGION);
    expect(rows).toHaveLength(expected.length);
    for (const [index, row] of rows.entries()) {
      const wire = expected[index]!;
      expect(cells(row)).toEqual([
        wire.id,
        wire.datastore?.type ?? "-",
        wire.datastore?.version ?? "-",
        wire.source_region ?? "-",
        wire.destination_region ?? "-",
        String(wire.keep_days ?? "-"),
        wire.name ?? "-",
      ]);
      for (const title of ["ENGINE", "VERSION", "SOURCE REGION", "BACKUP REGION", "KEEP DAYS", "NAME"]) {
        expect(row[header!.indexOf(title) - 1]).toBe(" ");
        expect(row[header!.indexOf(title)]).not.toBe(" ");
      }
    }
  });

  it("prints getOffsiteBackupInstances's result with --json", async () => {
    const result = await run(["instances", "--json"]);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const all = instancesOf(REGION);
    expect(JSON.parse(result.stdout)).toEqual({
      region: REGION,
      instances: all.map(instanceJson),
      ids: all.map((instance) => instance.id),
      totalCount: all.length,
    });
  });

  it("has a flag for every filter of the core, and each returns only (and all) the matching instances", async () => {
    const all = instancesOf(REGION);
    const sample = all[3]!;
    const fieldOf = (instance: OffsiteBackupInstance, key: (typeof FILTER_KEYS)[number]): unknown => {
      const json = instanceJson(instance);
      return key === "instanceId" ? json.id : key === "datastoreType" ? json.datastore.type : json[key];
    };
    for (const key of FILTER_KEYS) {
      const value = fieldOf(sample, key);
      expect(value, key).toBeDefined();
      const result = await run(["instances", `--${flagName(key)}`, String(value), "--json"]);
      expect(result.status, key).toBe(0);
      const { ids, totalCount } = JSON.parse(result.stdout) as { ids: string[]; totalCount: number };
      expect(ids.length, key).toBeGreaterThan(0);
      expect(ids, key).toEqual(all.filter((instance) => fieldOf(instance, key) === value).map((i) => i.id));
      expect(totalCount).toBe(all.length);
    }
  });

  it("says on stderr that nothing matches, with an empty stdout and exit 0", async () => {
    const result = await run(["instances", "--name", "no-such-instance"]);
    expect(result).toEqual({
      status: 0,
      stdout: "",
      stderr: `No DB instance with cross-region backups in ${REGION} matches (40 listed in all).\n`,
    });
  });

  it("matches --datastore-type in any case, and refuses an unknown engine listing the known ones", async () => {
    const result = await run(["instances", "--datastore-type", "mysql", "--json"]);
    expect(result.status).toBe(0);
    const { ids } = JSON.parse(result.stdout) as { ids: string[] };
    const mysql = instancesOf(REGION).filter((instance) => instance.datastore?.type === "MySQL");
    expect(mysql.length).toBeGreaterThan(0);
    expect(ids).toEqual(mysql.map((instance) => instance.id));
    const stderr = await refused(["instances", "--datastore-type", "Oracle"]);
    expect(stderr.split("\n")[0]).toBe(
      'Invalid argument "--datastore-type": "Oracle" is not an engine of the API; known engines: MySQL, PostgreSQL, SQLServer, MariaDB',
    );
  });

  it("refuses a non-numeric --keep-days naming the flag, before any request", async () => {
    const stderr = await refused(["instances", "--keep-days", "seven"]);
    expect(stderr.split("\n")[0]).toBe('Invalid argument "--keep-days": must be an integer, got the string "seven"');
  });
});

describe("ranges and latest", () => {
  it("prints each range in ISO-8601 UTC and epoch milliseconds", async () => {
    const { id } = withGap();
    const result = await run(["ranges", "--instance-id", id]);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const [header, ...rows] = result.stdout.trimEnd().split("\n");
    expect(cells(header!)).toEqual(["START (UTC)", "END (UTC)", "START (EPOCH MS)", "END (EPOCH MS)"]);
    expect(rows.map(cells)).toEqual(
      rangesOf(id).map((range) => [
        iso(range.start_time),
        iso(range.end_time),
        String(range.start_time),
        String(range.end_time),
      ]),
    );
  });

  it("prints the ranges overlapping --date as JSON", async () => {
    const { id } = withGap();
    const day = iso(latestOf(id)).slice(0, 10);
    const dayStart = Date.parse(`${day}T00:00:00Z`);
    const result = await run(["ranges", "--instance-id", id, "--date", day, "--json"]);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    const overlapping = rangesOf(id).filter((r) => r.start_time < dayStart + 86_400_000 && r.end_time >= dayStart);
    expect(overlapping.length).toBeGreaterThan(0);
    expect(JSON.parse(result.stdout)).toEqual({ instanceId: id, date: day, ranges: overlapping.map(rangeJson) });
  });

  it("refuses a --date that is not a calendar day, naming the flag", async () => {
    const stderr = await refused(["ranges", "--instance-id", withGap().id, "--date", "2026-02-30"]);
    expect(stderr.split("\n")[0]).toBe(
      'Invalid argument "--date": "2026-02-30" is not a calendar day in yyyy-mm-dd form',
    );
  });

  it("latest prints the latest restorable time, as text check accepts and as JSON", async () => {
    const { id } = withGap();
    const text = await run(["latest", "--instance-id", id]);
    expect(text).toEqual({ status: 0, stdout: `${iso(latestOf(id))}\n`, stderr: "" });
    const json = await run(["latest", "--instance-id", id, "--json"]);
    expect(JSON.parse(json.stdout)).toEqual({
      instanceId: id,
      latestRestorableTime: latestOf(id),
      latestRestorableTimeIso: iso(latestOf(id)),
    });
  });
});

/** Answers the next `count` restore-range requests with no range at all, as for a backup with nothing restorable. */
function noRangesFor(count: number) {
  for (let i = 0; i < count; i++) {
    emulator.queueFault({ operation: "listRestoreTimes", status: 200, body: { restore_time: [] } });
  }
}

/** The restore-range requests the emulator saw since `before`, by their `date` (none: the undated list). */
const restoreRangeDates = (before: number) =>
  emulator.requests
    .slice(before)
    .filter((entry) => entry.operation === "listRestoreTimes")
    .map((entry) => entry.query.date ?? []);

describe("a backup with no restorable time", () => {
  it("latest exits 1, saying so on stderr, or printing nulls with --json", async () => {
    const { id } = withGap();
    noRangesFor(2);
    expect(await run(["latest", "--instance-id", id])).toEqual({
      status: 1,
      stdout: "",
      stderr: `The cross-region backup of DB instance ${id} has no restorable time.\n`,
    });
    const json = await run(["latest", "--instance-id", id, "--json"]);
    expect(json.status).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      instanceId: id,
      latestRestorableTime: null,
      latestRestorableTimeIso: null,
    });
  });

  it("check exits 1 after the day and the whole list, without asking for the list again", async () => {
    const { id } = withGap();
    const time = latestOf(id);
    noRangesFor(2);
    const before = emulator.requests.length;
    const result = await run(["check", "--instance-id", id, "--time", String(time), "--json"]);
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout)).toEqual({
      instanceId: id,
      restorable: false,
      restoreTime: time,
      restoreTimeIso: iso(time),
      ranges: [],
      nearestRanges: [],
      message:
        `Cannot restore DB instance ${id} to ${iso(time)} (${time}): no restore time range of its cross-region ` +
        "backup contains that time. The cross-region backup has no restorable time range at all.",
    });
    expect(restoreRangeDates(before)).toEqual([[iso(time).slice(0, 10)], []]);
    expect(emulator.faultsPending).toBe(0);
  });
});

describe("check", () => {
  it("exits 0 for a restorable time and names the range containing it", async () => {
    const { id } = withGap();
    const last = rangesOf(id).at(-1)!;
    const time = Math.round((last.start_time + last.end_time) / 2);
    const result = await run(["check", "--instance-id", id, "--time", iso(time)]);
    expect(result).toEqual({
      status: 0,
      stdout: `Restorable: DB instance ${id} can be restored to ${iso(time)} (${time}), within ${formatRange(last)}.\n`,
      stderr: "",
    });
  });

  it("accepts epoch milliseconds and prints the decision as JSON", async () => {
    const { id } = withGap();
    const last = rangesOf(id).at(-1)!;
    const result = await run(["check", "--instance-id", id, "--time", String(last.end_time), "--json"]);
    expect(result.status).toBe(0);
    const decision = JSON.parse(result.stdout);
    expect(decision).toEqual({
      instanceId: id,
      restorable: true,
      restoreTime: last.end_time,
      restoreTimeIso: iso(last.end_time),
      range: rangeJson(last),
      ranges: expect.arrayContaining([rangeJson(last)]),
    });
  });

  it("exits 1 for an unrestorable time, printing the nearest ranges as the gate does", async () => {
    const { id } = withGap();
    const time = latestOf(id) + 86_400_000;
    const before = emulator.requests.length;
    const result = await run(["check", "--instance-id", id, "--time", iso(time)]);
    const [previous, last] = rangesOf(id).slice(-2) as [RestoreTimeRange, RestoreTimeRange];
    expect(result).toEqual({
      status: 1,
      stdout:
        `Cannot restore DB instance ${id} to ${iso(time)} (${time}): no restore time range of its cross-region backup ` +
        `contains that time. Nearest available ranges (UTC): ${formatRange(last)}; ${formatRange(previous)}.\n`,
      stderr: "",
    });
    // The day has no range, so (as RestoreGate) the whole list is read once to name the nearest ones.
    expect(restoreRangeDates(before)).toEqual([[iso(time).slice(0, 10)], []]);
  });

  it("prints the refusal as JSON with the nearest ranges and the message", async () => {
    const { id } = withGap();
    const [first, second] = rangesOf(id) as [RestoreTimeRange, RestoreTimeRange];
    const time = Math.round((first.end_time + second.start_time) / 2);
    const result = await run(["check", "--instance-id", id, "--time", String(time), "--json"]);
    expect(result.status).toBe(1);
    const decision = JSON.parse(result.stdout);
    expect(Object.keys(decision)).toEqual([
      "instanceId",
      "restorable",
      "restoreTime",
      "restoreTimeIso",
      "ranges",
      "nearestRanges",
      "message",
    ]);
    expect(decision).toMatchObject({ instanceId: id, restorable: false, restoreTime: time, restoreTimeIso: iso(time) });
    expect(decision.nearestRanges).toEqual(expect.arrayContaining([rangeJson(first), rangeJson(second)]));
    expect(decision.message).toMatch(new RegExp(`^Cannot restore DB instance ${id} to ${iso(time)} \\(${time}\\)`));
  });

  it("refuses a bad --time naming the flag, with exit 2 and no request", async () => {
    const stderr = await refused(["check", "--instance-id", withGap().id, "--time", "tomorrow"]);
    expect(stderr).toBe(
      'Invalid argument "--time": "tomorrow" is not an ISO-8601 date-time with a zone (e.g. "2026-11-20T03:00:00Z" or ' +
        '"2026-11-20T11:00:00+08:00") nor epoch milliseconds\n\n' +
        "Usage: rds-offsite check --instance-id ID --time TIME [--json]\n" +
        'Run "rds-offsite check --help" for every flag.\n',
    );
  });

  it("refuses ten epoch digits as probably seconds, with exit 2 and no request", async () => {
    const seconds = "1796227200"; // what `date +%s` prints
    const stderr = await refused(["check", "--instance-id", withGap().id, "--time", seconds]);
    expect(stderr.split("\n")[0]).toBe(
      'Invalid argument "--time": "1796227200" is epoch milliseconds of 1970-01-21T18:57:07.200Z, before 2001: probably ' +
        "epoch seconds. Give epoch milliseconds (1796227200000) or ISO-8601 (2026-12-02T16:00:00.000Z)",
    );
  });

  it("refuses a bad flag before looking at the configuration", async () => {
    const stderr = await refused(["check", "--instance-id", "a/b", "--time", "0"], {});
    expect(stderr.split("\n")[0]).toBe(
      'Invalid argument "--instance-id": "a/b" is not an RDS instance id (letters, digits, "-" and "_" only, at most 128 characters)',
    );
  });
});

describe("the command line", () => {
  it("refuses unknown commands, unknown flags, missing values, repeated and missing flags with exit 2", async () => {
    expect(await refused([])).toBe(
      "No command given.\n\nUsage: rds-offsite <instances|ranges|check|latest|readiness> [flags]\n" +
        'Run "rds-offsite --help" for more.\n',
    );
    expect((await refused(["restore"])).split("\n")[0]).toBe('Unknown command "restore".');
    expect((await refused(["check", "--instance", "x"])).split("\n")[0]).toBe("Unknown option '--instance'.");
    expect((await refused(["latest", "--instance-id"])).split("\n")[0]).toBe(
      "Option '--instance-id <value>' argument missing.",
    );
    expect((await refused(["ranges", "--instance-id", "a", "--instance-id", "b"])).split("\n")[0]).toBe(
      "Option '--instance-id' is given more than once.",
    );
    expect((await refused(["check", "--instance-id", "x"])).split("\n")[0]).toBe("Option '--time' is required.");
    expect((await refused(["instances", "extra"])).split("\n")[0]).toMatch(/^Unexpected argument 'extra'/);
    const long = "x".repeat(100_000);
    expect((await refused([long])).split("\n")[0]).toBe(
      `Unknown command "${"x".repeat(100)}… (truncated, 100000 chars)".`,
    );
    expect((await refused(["latest", `--${long}`])).split("\n")[0]).toMatch(
      /^Unknown option '--x+… \(truncated, \d+ chars\)\.$/,
    );
  });

  it("prints help for the command and for each subcommand on stdout", async () => {
    const top = await run(["--help"]);
    expect(top).toMatchObject({ status: 0, stderr: "" });
    expect(top.stdout).toContain("Usage: rds-offsite <command> [flags]");
    for (const name of ["instances", "ranges", "check", "latest"]) {
      expect(top.stdout).toMatch(new RegExp(`^  ${name} +\\S`, "m"));
      const help = await run([name, "--help"]);
      expect(help).toMatchObject({ status: 0, stderr: "" });
      expect(help.stdout).toMatch(new RegExp(`^Usage: rds-offsite ${name} `));
      for (const flag of ["--region REGION", "--project-id ID", "--endpoint URL", "--iam-endpoint URL", "-h, --help"]) {
        expect(help.stdout).toContain(flag);
      }
    }
    const instances = await run(["instances", "--help"]);
    for (const key of FILTER_KEYS)
      expect(instances.stdout).toMatch(new RegExp(`^  --${flagName(key)} [A-Z]+ +\\S`, "m"));
    expect((await run(["help", "check"])).stdout).toContain("--time TIME");
  });

  it("describes each filter with its definition's words, on one short line", async () => {
    const { stdout } = await run(["instances", "--help"]);
    const filterLines = stdout
      .split("\n")
      .filter((line) => FILTER_KEYS.some((key) => line.includes(`--${flagName(key)} `)));
    expect(filterLines).toHaveLength(FILTER_KEYS.length);
    for (const key of FILTER_KEYS) {
      const definition: FieldDefinition = getOffsiteBackupInstances.arguments[key];
      const words = (definition.summary ?? definition.description).replaceAll("`", "").replace(/\.$/, "");
      expect(stdout.toLowerCase()).toContain(`  ${words.toLowerCase()}\n`);
    }
    // Help lines stay short: a definition whose description is too long for them carries a `summary`.
    for (const line of filterLines) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(stdout).toContain("  --destination-region REGION  only backups held in this region\n");
    expect(stdout).toContain(
      "  --datastore-type ENGINE      only this engine: MySQL, PostgreSQL, SQLServer or MariaDB\n",
    );
  });

  it("prints the package version", async () => {
    const { version } = (await import("../../package.json")).default;
    expect(await run(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("never loads @pulumi/pulumi", async () => {
    const { id } = withGap();
    for (const args of [["instances"], ["check", "--instance-id", id, "--time", String(latestOf(id))]]) {
      const result = await runCommand(args, env, ["--require", forbidPulumi]);
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    }
  });
});

describe("configuration: the environment, overridden by flags", () => {
  it("--region overrides HW_REGION_NAME", async () => {
    const result = await run(["instances", "--region", SMALL_REGION, "--json"]);
    expect(JSON.parse(result.stdout)).toMatchObject({
      region: SMALL_REGION,
      ids: instancesOf(SMALL_REGION).map((instance) => instance.id),
    });
  });

  it("reads the official SDKs' variables (HUAWEICLOUD_SDK_*) as well", async () => {
    const { HW_ACCESS_KEY: _ak, HW_SECRET_KEY: _sk, HW_SECURITY_TOKEN: _token, ...connection } = env;
    const result = await run(["instances", "--json"], {
      ...connection,
      HUAWEICLOUD_SDK_AK: ACCESS_KEY,
      HUAWEICLOUD_SDK_SK: SECRET_KEY,
      HUAWEICLOUD_SDK_SECURITY_TOKEN: SECURITY_TOKEN,
      HUAWEICLOUD_SDK_PROJECT_ID: emulator.projects[REGION]!,
    });
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(JSON.parse(result.stdout).ids).toEqual(instancesOf(REGION).map((instance) => instance.id));
  });

  it("--endpoint and --iam-endpoint override HW_RDS_ENDPOINT and HW_IAM_ENDPOINT", async () => {
    const elsewhere = { ...env, HW_RDS_ENDPOINT: UNREACHABLE, HW_IAM_ENDPOINT: UNREACHABLE, HW_MAX_RETRIES: "0" };
    const failed = await run(["instances", "--iam-endpoint", emulator.url], elsewhere);
    expect(failed.status).toBe(3);
    expect(failed.stderr).toMatch(
      /^GET \/v3\/backups\/offsite-backup-instance\?offset=0&limit=100 failed: CLIENT\.Network: /,
    );
    const result = await run(["instances", "--endpoint", emulator.url, "--iam-endpoint", emulator.url], elsewhere);
    expect(result).toMatchObject({ status: 0, stderr: "" });
    expect(result.stdout.trimEnd().split("\n")).toHaveLength(instancesOf(REGION).length + 1);
  });

  it("--project-id skips the IAM lookup", async () => {
    const before = emulator.requests.length;
    const result = await run(["instances", "--project-id", emulator.projects[REGION]!, "--json"]);
    expect(result.status).toBe(0);
    expect(emulator.requests.slice(before).map((entry) => entry.operation)).toEqual(["listOffsiteInstances"]);
  });

  it("refuses a bad --endpoint naming the flag", async () => {
    const stderr = await refused(["latest", "--instance-id", "x", "--endpoint", "rds.example.com"]);
    expect(stderr.split("\n")[0]).toBe('Invalid argument "--endpoint": "rds.example.com" is not a URL');
  });

  it("exits 3 with the keys to set when the region or the credentials are missing", async () => {
    const { HW_REGION_NAME: _region, ...noRegion } = env;
    expect(await run(["instances"], noRegion)).toEqual({
      status: 3,
      stdout: "",
      stderr: "No region is set. Set --region (arguments), or HW_REGION_NAME (environment).\n",
    });
    const { HW_ACCESS_KEY: _ak, HW_SECRET_KEY: _sk, ...noCredentials } = env;
    // Issue 20: then the rest of the chain, each place with what it said (HOME: an empty directory).
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "cli-home-"));
    expect(await run(["instances"], { ...noCredentials, HOME: home })).toEqual({
      status: 3,
      stdout: "",
      stderr:
        "No Huawei Cloud credentials are set. Set HW_ACCESS_KEY and HW_SECRET_KEY (environment). Tried after them, in order: profile file ~/.huaweicloud/credentials: not found; shared config file ~/.hcloud/config.json: not found; OIDC federation (HUAWEICLOUD_OIDC_*): not configured; ECS metadata (http://127.0.0.1:9): session token: no connection.\n",
    });
  });
});

describe("API errors: exit 3 with the library's message, never a credential", () => {
  it("a 403 from RDS", async () => {
    const { id } = withGap();
    const time = latestOf(id);
    emulator.queueFault({ operation: "listRestoreTimes", status: 403 });
    const result = await run(["check", "--instance-id", id, "--time", String(time)]);
    expect(result.status).toBe(3);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      new RegExp(
        `^GET /v3/${emulator.projects[REGION]}/instances/${id}/offsite-restore-time\\?date=${iso(time).slice(0, 10)} ` +
          "failed: HTTP 403 DBS\\.200010: The DB instance ID or user ID may be null, or the operation is not authorized\\. " +
          "\\(request id [0-9a-f]+\\)\\n$",
      ),
    );
  });

  it("a failure while confirming a refusal against the whole list", async () => {
    const { id } = withGap();
    const time = latestOf(id) + 86_400_000;
    noRangesFor(1);
    emulator.queueFault({ operation: "listRestoreTimes", status: 403 });
    const result = await run(["check", "--instance-id", id, "--time", String(time)]);
    expect(result).toMatchObject({ status: 3, stdout: "" });
    expect(result.stderr).toMatch(
      new RegExp(
        `^DB instance ${id} looks unrestorable to ${iso(time)} \\(${time}\\): none of the 0 restore time range\\(s\\) ` +
          `the API returned for ${iso(time).slice(0, 10)} contains that time\\. Confirming against the full list of ranges ` +
          `failed: GET /v3/\\w+/instances/${id}/offsite-restore-time failed: HTTP 403 DBS\\.200010: .*\\n$`,
      ),
    );
  });

  it("a 401 for a wrong secret key", async () => {
    const result = await run(["instances"], { ...env, HW_SECRET_KEY: `${SECRET_KEY}x` });
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(
      /^GET \/v3\/projects\?name=ap-southeast-1 failed: HTTP 401 APIG\.0301: Incorrect IAM authentication information: verify aksk signature fail \(request id [0-9a-f]+\)\n$/,
    );
    expect(result.stderr).not.toContain(ACCESS_KEY);
  });

  it("a listing that stays inconsistent", async () => {
    for (let i = 0; i < 2; i++) {
      emulator.queueFault({
        operation: "listOffsiteInstances",
        status: 200,
        body: { total_count: 3, offsite_backup_instances: [] },
      });
    }
    const result = await run(["instances", "--project-id", emulator.projects[REGION]!]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(/^Listing offsite backup instances: the listing was inconsistent twice in a row/);
  });
});

describe("progress on stderr", () => {
  const slowListing = ["instances", "--region", SMALL_REGION, "--project-id"];

  it("prints none when stderr is not a terminal, even for a slow listing", async () => {
    emulator.setLatency(PROGRESS_DELAY_MS * 3);
    try {
      const result = await run([...slowListing, emulator.projects[SMALL_REGION]!]);
      expect(result).toMatchObject({ status: 0, stderr: "" });
    } finally {
      emulator.setLatency(0);
    }
  });

  it("shows a spinner on a terminal while a slow listing runs, and erases it before the table", async () => {
    emulator.setLatency(PROGRESS_DELAY_MS * 3);
    try {
      const result = await runCommandInTerminal([...slowListing, emulator.projects[SMALL_REGION]!], env);
      expect(result.status).toBe(0);
      const output = result.stdout.replaceAll("\r\n", "\n");
      expect(output).toContain(`Listing DB instances with cross-region backups in ${SMALL_REGION}… 0s`);
      const erased = output.lastIndexOf("\r\x1b[K");
      expect(erased).toBeGreaterThan(0);
      expect(output.slice(erased + 4)).toMatch(/^ID {2,}ENGINE/);
    } finally {
      emulator.setLatency(0);
    }
  });
});

describe("--json failures: one error object on stdout, the same exit status", () => {
  const errorOf = (result: { stdout: string }) => JSON.parse(result.stdout) as { error: Record<string, string> };

  it("a usage error", async () => {
    const args = ["check", "--instance-id", withGap().id, "--time", "1796227200"];
    const text = await run(args);
    const result = await run([...args, "--json"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(text.stderr);
    expect(errorOf(result)).toEqual({ error: { kind: "usage", message: text.stderr.split("\n")[0] } });
    expect(errorOf(await run(["chekc", "--json"]))).toEqual({
      error: { kind: "usage", message: 'Unknown command "chekc".' },
    });
  });

  it("a configuration error", async () => {
    const { HW_REGION_NAME: _region, ...noRegion } = env;
    const result = await run(["instances", "--json"], noRegion);
    expect(result.status).toBe(3);
    expect(errorOf(result)).toEqual({
      error: {
        kind: "configuration",
        message: "No region is set. Set --region (arguments), or HW_REGION_NAME (environment).",
      },
    });
  });

  it("an API error, with Huawei's error code and request id", async () => {
    const { id } = withGap();
    emulator.queueFault({ operation: "listRestoreTimes", status: 403 });
    const result = await run(["check", "--instance-id", id, "--time", String(latestOf(id)), "--json"]);
    expect(result.status).toBe(3);
    const { error } = errorOf(result);
    expect(error).toEqual({
      kind: "api",
      message: result.stderr.trimEnd(),
      errorCode: "DBS.200010",
      requestId: expect.stringMatching(/^[0-9a-f]+$/),
    });
    expect(error.message).toContain(`(request id ${error.requestId})`);
  });
});
