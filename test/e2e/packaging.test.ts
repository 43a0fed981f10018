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
import { ensureLanguageHost } from "../../scripts/language-hosts/provision.mjs";
import { emulatorForFile } from "../support/emulator";
import { packedTarball, projectWithCommandOnly } from "../support/packedPackage";
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
let tarball: string;
/** The projects that install the tarball; "command-only" is the one test/cli/installed.test.ts shares (tarball alone). */
const projects: Record<"ts-commonjs" | "js-esm" | "command-only", string> = {
  "ts-commonjs": "",
  "js-esm": "",
  "command-only": "",
};

/** A fresh project from a fixture directory, with the tarball and @pulumi/pulumi (and TypeScript) installed. */
async function installProject(fixture: "ts-commonjs" | "js-esm", packageJson: Record<string, unknown>) {
  const dir = path.join(scratch, fixture);
  fs.cpSync(path.join(fixtures, fixture), dir, { recursive: true });
  fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: fixture, private: true, ...packageJson }));
  const pinned = (name: string) => `${name}@${manifest.devDependencies[name]}`;
  const dependencies = [tarball, pinned("@pulumi/pulumi")];
  if (fixture === "ts-commonjs") dependencies.push(pinned("typescript"), pinned("@types/node"));
  await exec("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...dependencies], { cwd: dir });
  projects[fixture] = dir;
}

const { emulator } = await emulatorForFile({ regions: { "ap-southeast-1": 30 } });
beforeAll(async () => {
  // Packed once for this file and test/cli/installed.test.ts (which shares the command-only project too).
  tarball = await packedTarball();
  await Promise.all([
    installProject("ts-commonjs", { main: "index.ts" }),
    installProject("js-esm", { type: "module", main: "index.js" }),
    projectWithCommandOnly().then((dir) => {
      projects["command-only"] = dir;
    }),
  ]);
}, INSTALL_TIMEOUT);

afterAll(async () => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** `pulumi preview` of an installed project against the emulator; credentials and endpoints from the environment. */
async function preview(dir: string, env: Record<string, string> = {}) {
  const project = await pulumiInDirectory({
    dir,
    env: {
      ...env,
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
  it("carries the built SDK, provider, command line and plugin, README, LICENSE and CHANGELOG, and nothing else", async () => {
    const files = (await exec("tar", ["-tzf", tarball])).stdout.split("\n").filter(Boolean);
    for (const file of [
      "package.json",
      "README.md",
      "LICENSE",
      "CHANGELOG.md",
      "dist/pulumi/index.js",
      "dist/pulumi/index.d.ts",
      "dist/pulumi/provider/index.js",
      "dist/core/index.js",
      "dist/cli/main.js",
      "dist/plugin/main.js",
      "bin/pulumi-resource-huaweicloud-rds-offsite",
    ]) {
      expect(files).toContain(`package/${file}`);
    }
    // only the built code, the plugin's launcher and the four top-level files: no tests, sources, fixtures, scripts or
    // dot files
    expect(
      files.filter(
        (file) =>
          !/^package\/(dist\/(core|pulumi|cli|plugin)\/[\w./-]+|bin\/pulumi-resource-huaweicloud-rds-offsite|[A-Z]+\.md|LICENSE|package\.json)$/.test(
            file,
          ),
      ),
    ).toEqual([]);
    expect(files.filter((file) => /\.test\.|\/test\/|fixtures/.test(file))).toEqual([]);
    // built from today's sources: no output of a source file since deleted (tsc never cleans its outDir)
    const orphans = files
      .filter((file) => file.endsWith(".js"))
      .map((file) => file.replace(/^package\/dist\//, "src/").replace(/\.js$/, ".ts"))
      .filter((source) => !fs.existsSync(path.join(repoRoot, source)));
    expect(orphans).toEqual([]);
  });

  it("source maps: every one a .js names is in the tarball and carries its sources", () => {
    const unpacked = path.join(projects["ts-commonjs"], "node_modules", manifest.name);
    const problems: string[] = [];
    const jsFiles = (fs.readdirSync(path.join(unpacked, "dist"), { recursive: true }) as string[]).filter((f) =>
      f.endsWith(".js"),
    );
    expect(jsFiles.length).toBeGreaterThan(10);
    for (const file of jsFiles) {
      const js = path.join(unpacked, "dist", file);
      const url = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(fs.readFileSync(js, "utf8"))?.[1];
      if (!url) continue;
      const mapFile = path.resolve(path.dirname(js), url);
      if (!fs.existsSync(mapFile)) {
        problems.push(`${file}: ${url} is missing`);
        continue;
      }
      const map = JSON.parse(fs.readFileSync(mapFile, "utf8")) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      map.sources.forEach((source, i) => {
        const present =
          typeof map.sourcesContent?.[i] === "string" || fs.existsSync(path.resolve(path.dirname(mapFile), source));
        if (!present) problems.push(`${file}: source ${source} is neither in the tarball nor in the map`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("holds no credentials: not the emulator's, and no key files or registry tokens", () => {
    const unpacked = path.join(projects["ts-commonjs"], "node_modules", manifest.name);
    const text = (fs.readdirSync(unpacked, { recursive: true }) as string[])
      .filter((f) => fs.statSync(path.join(unpacked, f)).isFile())
      .map((f) => fs.readFileSync(path.join(unpacked, f), "latin1"))
      .join("\n");
    expect(text.length).toBeGreaterThan(100_000);
    expect(text).not.toContain(emulator.credentials.accessKey);
    expect(text).not.toContain(emulator.credentials.secretKey);
    expect(text).not.toMatch(/-----BEGIN [A-Z ]*PRIVATE KEY-----|_authToken|npm_[A-Za-z0-9]{36}/);
  });

  it(
    "TypeScript (CommonJS): a program using every export type-checks with the installed declarations",
    async () => {
      const dir = projects["ts-commonjs"];
      const declarations = path.join(dir, "node_modules", manifest.name, "dist/pulumi/index.d.ts");
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
    },
    INSTALL_TIMEOUT,
  );

  it(
    "TypeScript (CommonJS): pulumi preview runs it against the emulator",
    async () => {
      const { stdout } = await preview(projects["ts-commonjs"]);
      const mysql = emulator.dataset.instances("ap-southeast-1").filter((i) => i.datastore?.type === "MySQL");
      expect(stdout).toMatch(/packaged\s*:\s*"ts-commonjs"/);
      expect(stdout).toMatch(new RegExp(`mysqlCount\\s*:\\s*${mysql.length}\\n`));
      expect(stdout).toMatch(/restorable\s*:\s*true/);
      expect(stdout).toMatch(/invalidDate\s*:\s*"invalid-argument"/);
      expect(stdout).toMatch(/tooLate\s*:\s*"restore-refused"/);
      expect(stdout).toMatch(/resourceCount\s*:\s*30\n/);
      expect(stdout).toMatch(/gateRestorePoint\s*:\s*"timestamp"/);
      // The instance's ranges reach up to the emulator's anchor: ready as of now with a day of lag and no coverage
      // asked; the same lookup beside a failed one is judged worst first by the pure assessment.
      expect(stdout).toMatch(/readinessStatus\s*:\s*"ok\/error,ok\/2\/true"/);
      expect(stdout).toMatch(/readinessKnownStatuses\s*:\s*5\n/);
      expect(stdout).toMatch(/outputReadiness\s*:\s*1\n/);
      expect(stdout).toMatch(/resourceReadiness\s*:\s*1\n/);
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

  it(
    "the installed provider plugin: a YAML program previews with it from the package's bin (a plugins: path)",
    async () => {
      const yamlHost = await ensureLanguageHost("yaml");
      const dir = path.join(scratch, "yaml-plugin");
      fs.mkdirSync(dir);
      const bin = path.join(projects["js-esm"], "node_modules", manifest.name, "bin");
      fs.writeFileSync(
        path.join(dir, "Pulumi.yaml"),
        [
          "name: packaged-yaml-plugin",
          "runtime: yaml",
          "plugins:",
          "  providers:",
          "    - name: huaweicloud-rds-offsite",
          `      path: ${bin}`,
          "variables:",
          "  listing:",
          "    fn::invoke:",
          "      function: huaweicloud-rds-offsite:getOffsiteBackupInstances",
          "      arguments: {}",
          "outputs:",
          // biome-ignore lint/suspicious/noTemplateCurlyInString: Pulumi YAML's interpolation, not a template literal
          "  totalCount: ${listing.totalCount}",
          "",
        ].join("\n"),
      );
      const { stdout } = await preview(dir, { PATH: `${yamlHost}${path.delimiter}${process.env.PATH}` });
      expect(stdout).toMatch(/totalCount\s*:\s*30\n/);
    },
    INSTALL_TIMEOUT,
  );

  it("the installed command `rds-offsite` (without @pulumi/pulumi) lists the emulator's instances", async () => {
    const dir = projects["command-only"];
    expect(fs.existsSync(path.join(dir, "node_modules/@pulumi"))).toBe(false);
    const { stdout } = await exec("npx", ["--no-install", "rds-offsite", "instances", "--json"], {
      cwd: dir,
      env: {
        // not the repository's node_modules/.bin: the command must come from the installed tarball
        PATH: (process.env.PATH ?? "")
          .split(path.delimiter)
          .filter((dir) => !dir.startsWith(repoRoot))
          .join(path.delimiter),
        HOME: process.env.HOME,
        HW_REGION_NAME: "ap-southeast-1",
        HW_ACCESS_KEY: emulator.credentials.accessKey,
        HW_SECRET_KEY: emulator.credentials.secretKey,
        HW_RDS_ENDPOINT: emulator.url,
        HW_IAM_ENDPOINT: emulator.url,
      },
    });
    const listed = JSON.parse(stdout) as { region: string; ids: string[]; totalCount: number };
    const expected = emulator.dataset.instances("ap-southeast-1").map((instance) => instance.id);
    expect(listed.region).toBe("ap-southeast-1");
    expect(listed.totalCount).toBe(30);
    expect([...listed.ids].sort()).toEqual([...expected].sort());
  });
});
