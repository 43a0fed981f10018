/**
 * The package's public entry points, by name as users require them (package.json `exports`, built dist/): what each
 * exports, and that `/client` runs without Pulumi. A change here is a change of the public API (CHANGELOG).
 */
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, forbidPulumi, runProcess } from "./runCommand";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Runs `code` in a fresh Node from the repository (so the package resolves by name, as linked by link-self). */
function inFreshNode(code: string, preload: readonly string[] = []) {
  return runProcess(process.execPath, [...preload, "-e", code], {});
}

const keysOf = (entry: string) =>
  inFreshNode(
    `process.chdir(${JSON.stringify(repoRoot)}); console.log(JSON.stringify(Object.keys(require(require.resolve(${JSON.stringify(entry)}, { paths: [${JSON.stringify(repoRoot)}] }))).sort()))`,
  );

const ERRORS = [
  "ConfigurationError",
  "HuaweiCloudError",
  "IncompleteListingError",
  "InvalidArgumentError",
  "RestoreRefusedError",
  "isConfigurationError",
  "isHuaweiCloudError",
  "isIncompleteListingError",
  "isInvalidArgumentError",
  "isRestoreRefusedError",
];
const DECISIONS = ["READINESS_STATUSES", "assessReadiness", "findRestoreTimeRange", "latestRestorableTime"];

describe("entry points", () => {
  beforeAll(assertBuilt);

  it("pulumi-huaweicloud-rds-offsite: functions, resources, RestoreGate, errors and the decisions", async () => {
    const run = await keysOf("pulumi-huaweicloud-rds-offsite");
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(
      [
        ...ERRORS,
        ...DECISIONS,
        "OffsiteBackupInstances",
        "OffsiteRecoveryReadiness",
        "OffsiteRestoreTimeRanges",
        "RestoreGate",
        "checkRestoreTime",
        "checkRestoreTimeOutput",
        "getOffsiteBackupInstances",
        "getOffsiteBackupInstancesOutput",
        "getOffsiteRecoveryReadiness",
        "getOffsiteRecoveryReadinessOutput",
        "getOffsiteRestoreTimeRanges",
        "getOffsiteRestoreTimeRangesOutput",
      ].sort(),
    );
  });

  it("pulumi-huaweicloud-rds-offsite/client: the data sources as plain promises, errors and the decisions", async () => {
    const run = await keysOf("pulumi-huaweicloud-rds-offsite/client");
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual(
      [
        ...ERRORS,
        ...DECISIONS,
        "checkRestoreTime",
        "getOffsiteBackupInstances",
        "getOffsiteRecoveryReadiness",
        "getOffsiteRestoreTimeRanges",
      ].sort(),
    );
  });

  it("pulumi-huaweicloud-rds-offsite/provider: what the serialized dynamic providers require lazily", async () => {
    const run = await keysOf("pulumi-huaweicloud-rds-offsite/provider");
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual([
      "configure",
      "offsiteBackupInstances",
      "offsiteRecoveryReadiness",
      "offsiteRestoreTimeRanges",
      "restoreTimeCheck",
    ]);
  });

  it("/client loads no @pulumi/pulumi (it fails loudly if anything asks for it)", async () => {
    const run = await inFreshNode(
      `const client = require(require.resolve("pulumi-huaweicloud-rds-offsite/client", { paths: [${JSON.stringify(repoRoot)}] })); console.log(typeof client.getOffsiteBackupInstances, Object.keys(require.cache).filter((file) => file.includes("@pulumi")).length)`,
      ["--require", forbidPulumi],
    );
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe("function 0");
  });

  it("/client answers without Pulumi: a bad argument is refused by name before any request", async () => {
    const run = await inFreshNode(
      `require(require.resolve("pulumi-huaweicloud-rds-offsite/client", { paths: [${JSON.stringify(repoRoot)}] })).getOffsiteBackupInstances({ instanceID: "x" }).catch((error) => console.log(error.name, error.argument))`,
      ["--require", forbidPulumi],
    );
    expect(run.stdout.trim()).toBe("InvalidArgumentError instanceID");
  });
});
