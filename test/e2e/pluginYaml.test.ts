/**
 * The provider plugin from a Pulumi YAML program, through the real engine (the CLI, the YAML language host built from
 * the Go module proxy, the plugin installed from its release tarball into each stack's fresh Pulumi home), against the emulator: the
 * invokes, the gate, bad arguments, and where the plugin's settings come from (stack config in its namespace, an
 * explicit provider's arguments, the environment, and not `huaweicloud:*`).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ensureLanguageHost } from "../../scripts/language-hosts/provision.mjs";
import { emulatorForFile, latestRestorable } from "../support/emulator";
import { pluginTarball } from "./harness/pluginTarball";
import { type DirectoryProject, pulumiInDirectory } from "./harness/pulumiInDirectory";
import { refusalLines } from "./harness/refusal";
import { restoreGateProject } from "./harness/restoreGateProject";

const OP_TIMEOUT = 240_000;
const REGION = "ap-southeast-1";
/** A JavaScript stack frame line, as Node prints them. */
const STACK_FRAME = /^\s+at .+[:(]/m;

let yamlHost: string;
let plugin: string;
const { emulator } = await emulatorForFile({ regions: { [REGION]: 40 } });
beforeAll(async () => {
  [yamlHost, plugin] = await Promise.all([ensureLanguageHost("yaml"), pluginTarball()]);
}, 1_800_000);

const first = () => emulator.dataset.instances(REGION)[0]!;
const latestOf = (id: string) => latestRestorable(emulator, id);

/** A fresh stack of `dir` with the YAML host on PATH and the emulator's endpoints in the plugin's environment. */
function yamlProject(dir: string, env: Record<string, string> = {}): Promise<DirectoryProject> {
  return pulumiInDirectory({
    dir,
    env: {
      PATH: `${yamlHost}:${process.env.PATH}`,
      HW_RDS_ENDPOINT: emulator.url,
      HW_IAM_ENDPOINT: emulator.url,
      ...env,
    },
    plugins: [plugin],
  });
}

/** The gate example configured for `restoreTime`, with the provider's settings in its own namespace. */
const gateProject = (restoreTime: string): Promise<DirectoryProject> =>
  restoreGateProject({
    dir: "examples/yaml-restore-gate",
    emulator,
    region: REGION,
    restoreTime,
    env: { PATH: `${yamlHost}:${process.env.PATH}` },
  });

describe("examples/yaml-restore-gate: fn::invoke of the plugin's functions", () => {
  it(
    "passes a restorable time with one set of requests, and keeps the secret key out of state",
    async () => {
      const time = latestOf(first().id) - 60_000;
      const project = await gateProject(new Date(time).toISOString());
      try {
        const before = emulator.requests.length;
        const preview = await project.run("preview");
        expect(preview.stdout).toMatch(/restorable\s*:\s*true/);
        expect(preview.stdout).toMatch(new RegExp(`restoreTime\\s*:\\s*${time}\\b`));
        const restoreTimeRequests = emulator.requests
          .slice(before)
          .filter((request) => request.operation === "listRestoreTimes");
        expect(restoreTimeRequests).toHaveLength(1);
        await project.run("up");
        const state = await project.pulumi(["stack", "export", "--stack", project.stackName]);
        expect(state.exitCode).toBe(0);
        expect(state.stdout).not.toContain(emulator.credentials.secretKey);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    'fails the preview with the refusal for a time the backup cannot be restored to (onUnavailable: "fail")',
    async () => {
      const id = first().id;
      const tooLate = latestOf(id) + 3_600_000;
      const project = await gateProject(new Date(tooLate).toISOString());
      try {
        const refused = await project.runFailing("preview");
        const lines = refusalLines(refused.output, id, tooLate);
        // Once in the resource's row, once in Diagnostics (the YAML host adds the program's source lines after it).
        expect(lines).toHaveLength(2);
        expect(lines[1]).toContain(new Date(latestOf(id)).toISOString());
        expect(refused.output).not.toMatch(STACK_FRAME);
        expect(refused.output).not.toContain("did not contain a property");
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "refuses a bad argument with the TypeScript function's message, naming it, before a request of its own",
    async () => {
      const project = await gateProject("yesterday");
      try {
        const before = emulator.requests.length;
        const refused = await project.runFailing("preview");
        expect(refused.output).toContain(
          'Invalid argument "restoreTime": "yesterday" is not an ISO-8601 date-time with a zone (e.g. "2026-11-20T03:00:00Z" or "2026-11-20T11:00:00+08:00") nor epoch milliseconds',
        );
        expect(refused.output).not.toMatch(STACK_FRAME);
        // the example's listing asks the API; the refused check asks nothing
        const asked = emulator.requests.slice(before).map((request) => request.operation);
        expect(asked).not.toContain("listRestoreTimes");
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});

describe("the plugin's settings, as the engine hands them over", () => {
  const restorable = () => new Date(latestOf(first().id) - 60_000).toISOString();

  it(
    "come from the environment when no configuration sets them",
    async () => {
      const project = await yamlProject("examples/yaml-restore-gate", {
        HW_REGION_NAME: REGION,
        HW_ACCESS_KEY: emulator.credentials.accessKey,
        HW_SECRET_KEY: emulator.credentials.secretKey,
      });
      try {
        await project.configure({ sourceInstanceId: first().id, restoreTime: restorable() });
        expect((await project.run("preview")).stdout).toMatch(/restorable\s*:\s*true/);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "do not include huaweicloud:* stack config: the engine passes a plugin only its own namespace",
    async () => {
      const project = await yamlProject("examples/yaml-restore-gate");
      try {
        await project.configure(
          {
            "huaweicloud:region": REGION,
            "huaweicloud:accessKey": emulator.credentials.accessKey,
            sourceInstanceId: first().id,
            restoreTime: restorable(),
          },
          { "huaweicloud:secretKey": emulator.credentials.secretKey },
        );
        const refused = await project.runFailing("preview");
        expect(refused.output).toContain("No region is set. Set ");
        expect(refused.output).toContain("huaweicloud-rds-offsite:region");
        expect(refused.output).toContain("HW_REGION_NAME");
        expect(refused.output).toContain(
          "The Pulumi engine hands this provider plugin only its own namespace, huaweicloud-rds-offsite:* (or an explicit provider's arguments): huaweicloud:* stack config is never seen here.",
        );
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "refuse a misspelt setting by name",
    async () => {
      const project = await gateProject(restorable());
      try {
        await project.configure({ "huaweicloud-rds-offsite:regoin": REGION });
        const refused = await project.runFailing("preview");
        expect(refused.output).toContain(
          'property regoin value {ap-southeast-1} has a problem: huaweicloud-rds-offsite has no setting "regoin"; its settings are region, accessKey, secretKey,',
        );
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "come from an explicit provider's arguments, secrets included, over the stack config of its namespace",
    async () => {
      const project = await yamlProject("test/e2e/fixtures/yaml-explicit-provider");
      try {
        await project.configure(
          // The default provider's region: the explicit provider must not use it.
          { "huaweicloud-rds-offsite:region": "eu-west-101", backupRegion: REGION, ak: emulator.credentials.accessKey },
          { sk: emulator.credentials.secretKey },
        );
        const preview = await project.run("preview");
        expect(preview.stdout).toMatch(new RegExp(`region\\s*:\\s*"${REGION}"`));
        expect(preview.stdout).toMatch(/totalCount\s*:\s*40\b/);
        const mysql = emulator.dataset.instances(REGION).filter((instance) => instance.datastore?.type === "MySQL");
        expect(mysql.length).toBeGreaterThan(0);
        expect(preview.stdout).toContain(mysql[0]!.id);
        await project.run("up");
        // A changed setting updates the provider in place: nothing it reads from is ever replaced.
        await project.configure({ retries: "3" });
        const changed = await project.run("preview");
        expect(changed.stdout).toMatch(/~\s+pulumi:providers:huaweicloud-rds-offsite\s+backupRegionProvider\s+update/);
        expect(changed.stdout).not.toMatch(/replace/);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});
