/**
 * The provider plugin as users of other languages install it: the `npm pack` tarball and @pulumi/pulumi installed
 * into a fresh directory outside the repository, the plugin taken from `./node_modules/<package>/bin` by a YAML
 * project's `plugins:`, previewed against the emulator.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { ensureLanguageHost } from "../../scripts/language-hosts/provision.mjs";
import { repoRoot } from "./harness";
import { pulumiInDirectory } from "./harness/pulumiInDirectory";

const exec = promisify(execFile);
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  devDependencies: Record<string, string>;
};
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "installed-plugin-"));
const project = path.join(scratch, "project");
let emulator: Emulator;
let yamlHost: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(repoRoot, "dist/plugin/main.js"))) throw new Error("dist/ is missing: npm run build");
  yamlHost = await ensureLanguageHost("yaml");
  emulator = await startEmulator({ regions: { "ap-southeast-1": 9 } });
  const packed = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
    cwd: repoRoot,
  });
  const tarball = path.join(scratch, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  fs.cpSync(path.join(repoRoot, "test/e2e/fixtures/yaml-installed-plugin"), project, { recursive: true });
  fs.writeFileSync(
    path.join(project, "package.json"),
    JSON.stringify({ name: "yaml-installed-plugin", private: true }),
  );
  await exec(
    "npm",
    [
      "install",
      "--prefer-offline",
      "--no-audit",
      "--no-fund",
      tarball,
      `@pulumi/pulumi@${manifest.devDependencies["@pulumi/pulumi"]}`,
    ],
    { cwd: project },
  );
}, 1_800_000);

afterAll(() => {
  emulator?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

describe("the provider plugin of the installed package", () => {
  it("is an executable the engine starts from a project's plugins: path", { timeout: 240_000 }, async () => {
    const stack = await pulumiInDirectory({
      dir: project,
      env: {
        PATH: `${yamlHost}:${process.env.PATH}`,
        HW_REGION_NAME: "ap-southeast-1",
        HW_ACCESS_KEY: emulator.credentials.accessKey,
        HW_SECRET_KEY: emulator.credentials.secretKey,
        HW_RDS_ENDPOINT: emulator.url,
        HW_IAM_ENDPOINT: emulator.url,
      },
    });
    try {
      expect((await stack.run("preview")).stdout).toMatch(/totalCount\s*:\s*9\b/);
    } finally {
      stack.cleanup();
    }
  });
});
