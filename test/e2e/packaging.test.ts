/**
 * What npm users install: the `npm pack` tarball (the `files` of package.json, built dist/), installed with
 * `@pulumi/pulumi` into fresh projects outside the repository — TypeScript (CommonJS) and JavaScript (ESM) — then
 * `tsc --noEmit` of a program that uses every export, and `pulumi preview` of both against the emulator.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../emulator";
import { repoRoot } from "./harness";
import { pulumiInDirectory } from "./harness/pulumiInDirectory";

const exec = promisify(execFile);
const INSTALL_TIMEOUT = 300_000;
const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  name: string;
  devDependencies: Record<string, string>;
};
const fixtures = path.join(repoRoot, "test/e2e/fixtures/packaging");
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "packaging-"));
let emulator: Emulator;
let tarball: string;
const projects: Record<"ts-commonjs" | "js-esm", string> = { "ts-commonjs": "", "js-esm": "" };

/** A fresh project from a fixture directory, with the tarball and @pulumi/pulumi (and TypeScript) installed. */
async function installProject(fixture: keyof typeof projects, packageJson: Record<string, unknown>) {
  const dir = path.join(scratch, fixture);
  fs.cpSync(path.join(fixtures, fixture), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: fixture, private: true, ...packageJson }));
  const pinned = (name: string) => `${name}@${manifest.devDependencies[name]}`;
  const dependencies = [tarball, pinned("@pulumi/pulumi")];
  if (fixture === "ts-commonjs") dependencies.push(pinned("typescript"), pinned("@types/node"));
  await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...dependencies], { cwd: dir });
  projects[fixture] = dir;
}

beforeAll(async () => {
  if (!fs.existsSync(path.join(repoRoot, "dist/sdk/index.js"))) throw new Error("dist/ is missing: npm run build");
  emulator = await startEmulator({ regions: { "ap-southeast-1": 30 } });
  const packed = await exec("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], {
    cwd: repoRoot,
  });
  tarball = path.join(scratch, (JSON.parse(packed.stdout) as { filename: string }[])[0]!.filename);
  await Promise.all([
    installProject("ts-commonjs", { main: "index.ts" }),
    installProject("js-esm", { type: "module", main: "index.js" }),
  ]);
}, INSTALL_TIMEOUT);

afterAll(async () => {
  await emulator?.close();
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** `pulumi preview` of an installed project against the emulator; credentials and endpoints from the environment. */
async function preview(dir: string) {
  const project = await pulumiInDirectory({
    dir,
    env: {
      HW_REGION_NAME: "ap-southeast-1",
      HW_ACCESS_KEY: emulator.credentials.accessKey,
      HW_SECRET_KEY: emulator.credentials.secretKey,
      HW_RDS_ENDPOINT: emulator.url,
      HW_IAM_ENDPOINT: emulator.url,
    },
  });
  try {
    return await project.run("preview");
  } finally {
    project.cleanup();
  }
}

describe("the npm pack tarball, installed into fresh projects", () => {
  it("carries the built SDK and provider, the README, LICENSE and CHANGELOG, and nothing of the repository's own", async () => {
    const listing = await exec("tar", ["-tzf", tarball]);
    const files = listing.stdout.split("\n").filter(Boolean);
    for (const file of [
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "dist/sdk/index.js",
      "dist/sdk/index.d.ts",
    ]) {
      expect(files).toContain(`package/${file}`);
    }
    expect(files).toContain("package/dist/provider/index.js");
    expect(files.filter((file) => !/^package\/(dist\/(sdk|provider)\/|[\w.]+$)/.test(file))).toEqual([]);
  });

  it("TypeScript (CommonJS): a program using every export type-checks with the installed declarations", async () => {
    const dir = projects["ts-commonjs"];
    const declarations = path.join(dir, "node_modules", manifest.name, "dist/sdk/index.d.ts");
    const program = ts.createProgram([declarations], { strict: true });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(declarations)!)!;
    const exported = checker.getExportsOfModule(moduleSymbol).map((symbol) => symbol.name);
    const importBlock = /import \{([^}]+)\} from "pulumi-huaweicloud-rds-offsite";/.exec(
      fs.readFileSync(path.join(dir, "index.ts"), "utf8"),
    )![1]!;
    const imported = importBlock
      .split(",")
      .map((name) => name.replace(/^\s*(type\s+)?/, "").trim())
      .filter(Boolean);
    expect(imported.sort()).toEqual(exported.sort());
    const tsc = await exec(path.join(dir, "node_modules/.bin/tsc"), ["--noEmit", "-p", dir]).then(
      () => "",
      (error: { stdout: string }) => error.stdout,
    );
    expect(tsc).toBe("");
  });

  it(
    "TypeScript (CommonJS): pulumi preview runs it against the emulator",
    async () => {
      const { stdout } = await preview(projects["ts-commonjs"]);
      const mysql = emulator.dataset.instances("ap-southeast-1").filter((i) => i.datastore?.type === "MySQL");
      expect(stdout).toMatch(/packaged\s*:\s*"ts-commonjs"/);
      expect(stdout).toMatch(new RegExp(`mysqlCount\\s*:\\s*${mysql.length}\\n`));
      expect(stdout).toMatch(/restorable\s*:\s*true/);
      expect(stdout).toMatch(/invalidDate\s*:\s*"invalid-argument"/);
      expect(stdout).toMatch(/resourceCount\s*:\s*30\n/);
      expect(stdout).toMatch(/gateRestorePoint\s*:\s*"timestamp"/);
    },
    INSTALL_TIMEOUT,
  );

  it(
    "JavaScript (ESM): pulumi preview runs it against the emulator",
    async () => {
      const { stdout } = await preview(projects["js-esm"]);
      const postgres = emulator.dataset.instances("ap-southeast-1").filter((i) => i.datastore?.type === "PostgreSQL");
      expect(stdout).toMatch(/packaged\s*:\s*"js-esm"/);
      expect(stdout).toMatch(new RegExp(`postgresCount\\s*:\\s*${postgres.length}\\n`));
      expect(stdout).toMatch(/restorable\s*:\s*false/);
      expect(stdout).toContain("warning: Cannot restore DB instance");
    },
    INSTALL_TIMEOUT,
  );
});
