/**
 * The errors a user's program meets from this package, in a directory project run by `pulumi preview` as users run
 * it (test/e2e/fixtures/program-errors): one line, said once, naming the function or the resource, no stack frame,
 * no "unhandled exception" — and fast (a stack formatted by the SDK's runner takes minutes on Node 20.20).
 */
import { describe, expect, it } from "vitest";
import { gateEmulatorForFile } from "../support/emulator";
import { type CliRun, type DirectoryProject, pulumiInDirectory } from "./harness/pulumiInDirectory";

const OP_TIMEOUT = 240_000;
/** A JavaScript stack frame line, as Node prints them. */
const STACK_FRAME = /^\s+at /m;

const { emulator, instanceId, latest } = await gateEmulatorForFile();

async function errorProject(testCase: string, config: Record<string, string> = {}): Promise<DirectoryProject> {
  const project = await pulumiInDirectory({
    dir: "test/e2e/fixtures/program-errors",
    env: { HW_RDS_ENDPOINT: emulator.url, HW_IAM_ENDPOINT: emulator.url },
  });
  await project.configure(
    {
      "huaweicloud:accessKey": emulator.credentials.accessKey,
      "program-errors:instanceId": instanceId,
      "program-errors:case": testCase,
      ...config,
    },
    { "huaweicloud:secretKey": emulator.credentials.secretKey },
  );
  return project;
}

/** The only error line of the preview's Diagnostics, under `heading` (the stack's by default). */
async function onlyError(
  project: DirectoryProject,
  heading = /pulumi:pulumi:Stack \(program-errors-e2e-\w+\)/,
): Promise<{ message: string; run: CliRun }> {
  const run = await project.runFailing("preview");
  const diagnostics = run.stdout.slice(run.stdout.indexOf("Diagnostics:"), run.stdout.indexOf("\nResources:"));
  const errors = diagnostics.split("\n").filter((line) => /^\s+error: /.test(line));
  expect(errors).toHaveLength(1);
  expect(diagnostics).toMatch(new RegExp(`^Diagnostics:\n {2}${heading.source}:\n {4}error: `));
  expect(run.output).not.toContain("Preview failed");
  expect(run.output).not.toMatch(STACK_FRAME);
  expect(run.output).not.toContain("unhandled exception");
  expect(run.output).not.toContain("error serializing property");
  return { message: errors[0]!.replace(/^\s+error: /, ""), run };
}

describe("errors from this package in a user's project directory", () => {
  it(
    "a misspelt setting of this package is named, by a resource",
    async () => {
      const project = await errorProject("resource", {
        "huaweicloud:region": "ap-southeast-1",
        "huaweicloud-rds-offsite:regoin": "ap-southeast-1",
      });
      try {
        const { message } = await onlyError(project);
        expect(message).toBe(
          'OffsiteRestoreTimeRanges "ranges": Stack config huaweicloud-rds-offsite:regoin: huaweicloud-rds-offsite has no setting "regoin"; its settings are region, accessKey, secretKey, securityToken, projectId, rdsEndpoint, iamEndpoint, maxRetries, maxConcurrency, attemptTimeoutMs, totalTimeoutMs, retryBaseDelayMs, maxResponseBytes, insecure, cacertFile, credentialsFile, sharedConfigFile, profile, oidcProviderUrn, oidcAgencyUrn, oidcIdpId, oidcTokenFile, oidcIdToken, oidcSessionName, oidcDurationSeconds, oidcPolicy, oidcPolicyIds, stsEndpoint, metadataEndpoint, assumeAgencyName, assumeDomainName.',
        );
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "a function awaited at the top of the program: a bad argument, named with the function",
    async () => {
      const project = await errorProject("function-argument", { "huaweicloud:region": "ap-southeast-1" });
      try {
        const started = Date.now();
        const { message } = await onlyError(project);
        expect(message).toBe(
          'getOffsiteRestoreTimeRanges: Invalid argument "date": "2026-02-30" is not a calendar day in yyyy-mm-dd form',
        );
        // Minutes when the SDK's runner formats a stack on Node 20.20 (docs/engine-facts.md); seconds otherwise.
        expect(Date.now() - started).toBeLessThan(60_000);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "a function awaited at the top of the program: no region, the keys to set named",
    async () => {
      const project = await errorProject("function-configuration", { "program-errors:restoreTime": String(latest) });
      try {
        const { message } = await onlyError(project);
        expect(message).toBe(
          "checkRestoreTime: No region is set. Set region (arguments), or huaweicloud-rds-offsite:region (stack config), or huaweicloud:region (stack config), or HW_REGION_NAME (environment).",
        );
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    'checkRestoreTime with onUnavailable: "fail" at the top of the program: the refusal, on one line',
    async () => {
      const time = latest + 86_400_000;
      const project = await errorProject("function-refusal", {
        "huaweicloud:region": "ap-southeast-1",
        "program-errors:restoreTime": String(time),
      });
      try {
        const { message } = await onlyError(project);
        expect(message).toMatch(
          new RegExp(
            `^checkRestoreTime: Cannot restore DB instance ${instanceId} to ${new Date(time).toISOString()} \\(${time}\\): .* Nearest available ranges? \\(UTC\\): .*${new Date(latest).toISOString()}`,
          ),
        );
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "a data source's read without a region: the resource named, the keys to set, no provider stack trace",
    async () => {
      const project = await errorProject("resource");
      try {
        const { message } = await onlyError(
          project,
          /pulumi-nodejs:dynamic\/huaweicloud-rds-offsite:OffsiteRestoreTimeRanges \(ranges\)/,
        );
        expect(message).toBe(
          'OffsiteRestoreTimeRanges "ranges": No region is set. Set region (arguments), or huaweicloud-rds-offsite:region (stack config), or huaweicloud:region (stack config), or HW_REGION_NAME (environment).',
        );
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "a data source's read refused by the API: the resource named, Huawei's code, never a credential",
    async () => {
      const project = await errorProject("resource", { "huaweicloud:region": "ap-southeast-1" });
      try {
        await project.configure({}, { "huaweicloud:secretKey": `${emulator.credentials.secretKey}x` });
        const { message, run } = await onlyError(
          project,
          /pulumi-nodejs:dynamic\/huaweicloud-rds-offsite:OffsiteRestoreTimeRanges \(ranges\)/,
        );
        expect(message).toMatch(
          /^OffsiteRestoreTimeRanges "ranges": GET \/v3\/projects\?name=ap-southeast-1 failed: HTTP 401 APIG\.0301: /,
        );
        expect(run.output).not.toContain(emulator.credentials.secretKey);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "a gate whose decision cannot be read: the gate named, once",
    async () => {
      const project = await errorProject("gate", { "program-errors:restoreTime": String(latest) });
      try {
        const { message } = await onlyError(project, /huaweicloud-rds-offsite:index:RestoreGate \(orders\)/);
        expect(message).toMatch(/^RestoreGate "orders": No region is set\. /);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});
