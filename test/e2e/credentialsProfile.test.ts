/**
 * Issue 20, where users stand: `pulumi preview` of a TypeScript program and of a YAML program (the provider plugin,
 * installed from its release tarball) with credentials from nothing but the official SDKs' profile file.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureLanguageHost } from "../../scripts/language-hosts/provision.mjs";
import { emulatorForFile, latestRestorable } from "../support/emulator";
import { pluginTarball } from "./harness/pluginTarball";
import { pulumiInDirectory } from "./harness/pulumiInDirectory";

const OP_TIMEOUT = 240_000;
const REGION = "ap-southeast-1";
let profileFile: string;
const { emulator } = await emulatorForFile({ regions: { [REGION]: 40 } });
beforeAll(async () => {
  profileFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "profile-")), "credentials");
  fs.writeFileSync(
    profileFile,
    `[basic]\nak = ${emulator.credentials.accessKey}\nsk = ${emulator.credentials.secretKey}\n`,
  );
}, 1_800_000);

/** No key in stack config or the environment: only the profile file (and the emulator's endpoints and region). */
const profileOnly = () => ({
  HW_RDS_ENDPOINT: emulator.url,
  HW_IAM_ENDPOINT: emulator.url,
  HW_REGION_NAME: REGION,
  HW_ACCESS_KEY: "",
  HW_SECRET_KEY: "",
  HUAWEICLOUD_SDK_AK: "",
  HUAWEICLOUD_SDK_SK: "",
  HUAWEICLOUD_SDK_CREDENTIALS_FILE: profileFile,
  HW_SHARED_CONFIG_FILE: path.join(os.tmpdir(), "no-such-config.json"),
});
const first = () => emulator.dataset.instances(REGION)[0]!;
const restorable = () => new Date(latestRestorable(emulator, first().id) - 60_000).toISOString();

describe("pulumi preview with credentials from a profile file", () => {
  it(
    "a TypeScript program (examples/list-offsite-instances)",
    async () => {
      const project = await pulumiInDirectory({ dir: "examples/list-offsite-instances", env: profileOnly() });
      try {
        const preview = await project.run("preview");
        expect(preview.stdout).toMatch(/instancesWithOffsiteBackups\s*:\s*40\n/);
        expect(preview.stdout + preview.stderr).not.toContain(emulator.credentials.secretKey);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it("a YAML program (examples/yaml-restore-gate, the plugin)", async () => {
    const [yamlHost, plugin] = await Promise.all([ensureLanguageHost("yaml"), pluginTarball()]);
    const project = await pulumiInDirectory({
      dir: "examples/yaml-restore-gate",
      env: { ...profileOnly(), PATH: `${yamlHost}:${process.env.PATH}` },
      plugins: [plugin],
    });
    try {
      await project.configure({ sourceInstanceId: first().id, restoreTime: restorable() });
      const preview = await project.run("preview");
      expect(preview.stdout).toMatch(/restorable\s*:\s*true/);
      expect(preview.stdout + preview.stderr).not.toContain(emulator.credentials.secretKey);
    } finally {
      project.cleanup();
    }
  }, 1_800_000);
});
