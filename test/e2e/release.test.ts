/**
 * The release artifacts of `npm run dist`, installed and used as users of Python, YAML and Go install and use them, on a
 * PATH with no `node`: the plugin from its tarball with `pulumi plugin install … --file` into a fresh Pulumi home, the
 * wheel pip-installed into a fresh virtual environment, the Go module (a `replace` to it until it is published), and
 * `pulumi preview` of each language's example copied out of the repository, against the emulator. The engine is the
 * Pulumi CLI itself, run directly (no npm script), with only the environment given here.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureLanguageHost } from "../../scripts/language-hosts/provision.mjs";
import { PYTHON_REQUIREMENTS } from "../../scripts/language-hosts/pythonEnvironment.mjs";
import { ensurePulumiCli } from "../../scripts/pulumi-cli/provision.mjs";
import { buildRelease, type ReleaseArtifacts } from "../../scripts/release/main.mjs";
import { GO_MODULE_PATH } from "../../src/plugin/schema";
import { childEnvironment } from "../support/childEnvironment";
import { emulatorForFile, latestRestorable } from "../support/emulator";
import { repoRoot } from "./harness";

const exec = promisify(execFile);
const OP_TIMEOUT = 600_000;
const REGION = "ap-southeast-1";
const { version, config } = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")) as {
  version: string;
  config: { pluginDownloadURL: string };
};
const PLUGIN = "huaweicloud-rds-offsite";
const TARBALL = `pulumi-resource-${PLUGIN}-v${version}-linux-amd64.tar.gz`;

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "release-"));
let artifacts: ReleaseArtifacts;
let pulumi: string;
/** Directories on the users' PATH: the language hosts, the fresh virtual environment's bin, Go. None holds `node`. */
let hosts: { yaml: string; python: string; go: string; java: string };
let venvBin: string;
let goBin: string;

/** The executable `name` in one of `dirs`, if any. */
function findIn(dirs: string[], name: string): string | undefined {
  return dirs.map((dir) => path.join(dir, name)).find((file) => fs.existsSync(file));
}

const { emulator } = await emulatorForFile({ regions: { [REGION]: 12 } });
beforeAll(async () => {
  if (!fs.existsSync(path.join(repoRoot, "dist/plugin/schema.js"))) throw new Error("dist/ is missing: npm run build");
  const [release, cli, yaml, python, go, java] = await Promise.all([
    buildRelease(path.join(scratch, "release")),
    ensurePulumiCli(),
    ensureLanguageHost("yaml"),
    ensureLanguageHost("python"),
    ensureLanguageHost("go"),
    ensureLanguageHost("java"),
  ]);
  artifacts = release;
  pulumi = cli.pulumiPath;
  hosts = { yaml, python, go, java };
  goBin = path.join((await exec("go", ["env", "GOROOT"])).stdout.trim(), "bin");
  // A user's fresh virtual environment: the wheel, and the Pulumi SDK at the CLI's version.
  const venv = path.join(scratch, "venv");
  await exec("python3", ["-m", "venv", venv]);
  venvBin = path.join(venv, "bin");
  const wheel = artifacts.python.find((file) => file.endsWith(".whl"))!;
  await exec(path.join(venvBin, "pip"), ["install", "--quiet", wheel, PYTHON_REQUIREMENTS[0]!]);
}, 1_800_000);

afterAll(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A user's shell: nothing of the repository's, no Node, a fresh Pulumi home and backend. */
function userEnvironment(pathDirs: string[]) {
  const home = fs.mkdtempSync(path.join(scratch, "pulumi-home-"));
  fs.mkdirSync(path.join(home, "backend"));
  // childEnvironment: never the link-local ECS metadata address from a test (issue 20).
  const env = childEnvironment({
    HOME: process.env.HOME ?? os.homedir(),
    PATH: [path.dirname(pulumi), ...pathDirs].join(path.delimiter),
    PULUMI_HOME: path.join(home, "pulumi"),
    PULUMI_BACKEND_URL: `file://${path.join(home, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: "release-test",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    GOFLAGS: "-mod=readonly",
    GOWORK: "off",
    CGO_ENABLED: "0",
  });
  const run = (args: string[], cwd = scratch) =>
    exec(pulumi, args, { cwd, env, maxBuffer: 64 << 20 }).catch(
      (error: { stdout?: string; stderr?: string; message: string }) => {
        throw new Error(`pulumi ${args.join(" ")}:\n${error.stdout ?? ""}${error.stderr ?? ""}${error.message}`);
      },
    );
  return { env, run };
}

/** An example copied out of the repository (a user's project), its stack configured, the plugin installed. */
async function userProject(example: string, pathDirs: string[], restoreTime: string) {
  const dir = path.join(scratch, example);
  fs.cpSync(path.join(repoRoot, "examples", example), dir, { recursive: true });
  const user = userEnvironment(pathDirs);
  expect(findIn(user.env.PATH!.split(path.delimiter), "node")).toBeUndefined();
  await user.run(["plugin", "install", "resource", PLUGIN, version, "--file", artifacts.plugin]);
  await user.run(["stack", "init", "dev"], dir);
  const instance = emulator.dataset.instances(REGION)[0]!;
  await user.run(
    [
      "config",
      "set-all",
      "--plaintext",
      `${PLUGIN}:region=${REGION}`,
      "--plaintext",
      `${PLUGIN}:accessKey=${emulator.credentials.accessKey}`,
      "--secret",
      `${PLUGIN}:secretKey=${emulator.credentials.secretKey}`,
      "--plaintext",
      `sourceInstanceId=${instance.id}`,
      "--plaintext",
      `restoreTime=${restoreTime}`,
    ],
    dir,
  );
  return { dir, instance, ...user };
}

const latestOf = (id: string) => latestRestorable(emulator, id);

/** What every example prints in preview: the listing, the looked-up instance and the gate's result. */
function expectListedLookedUpAndGated(stdout: string, restoreTime: number) {
  const instance = emulator.dataset.instances(REGION)[0]!;
  expect(stdout).toMatch(/instancesWithOffsiteBackups\s*:\s*12\n/);
  expect(stdout).toMatch(new RegExp(`sourceRegion\\s*:\\s*"${instance.source_region}"`));
  expect(stdout).toMatch(/restorable\s*:\s*true/);
  expect(stdout).toMatch(new RegExp(`restoreTime\\s*:\\s*${restoreTime}\\b`));
}

/**
 * A directory of every command of the machine's bin directories but Node's (Maven's launcher script needs the
 * shell's tools), as a user's PATH without Node.js.
 */
function binWithoutNode(): string {
  const dir = path.join(scratch, "bin-without-node");
  if (fs.existsSync(dir)) return dir;
  fs.mkdirSync(dir);
  for (const bin of ["/usr/local/bin", "/usr/bin"]) {
    for (const name of fs.readdirSync(bin)) {
      if (["node", "nodejs", "npm", "npx", "corepack"].includes(name) || fs.existsSync(path.join(dir, name))) continue;
      fs.symlinkSync(path.join(bin, name), path.join(dir, name));
    }
  }
  return dir;
}

describe("the release artifacts", () => {
  it("the plugin tarball holds the executable at its root, which serves with no Node.js anywhere on PATH", async () => {
    expect(path.basename(artifacts.plugin)).toBe(TARBALL);
    const listed = (await exec("tar", ["-tzf", artifacts.plugin])).stdout.split("\n").filter(Boolean);
    expect(listed.sort()).toEqual(["LICENSE", "README.md", `pulumi-resource-${PLUGIN}`]);
    const unpacked = path.join(scratch, "unpacked");
    fs.mkdirSync(unpacked);
    await exec("tar", ["-xzf", artifacts.plugin, "-C", unpacked]);
    const executable = path.join(unpacked, `pulumi-resource-${PLUGIN}`);
    expect(fs.readFileSync(executable).subarray(0, 4).toString("latin1")).toBe("\x7fELF");
    // Like the engine: start it, read the port it serves on from its first line, stop it.
    const port = await new Promise<string>((resolve, reject) => {
      const child = execFile(executable, [], { env: { PATH: "/nonexistent" } });
      child.stdout!.once("data", (chunk: Buffer) => {
        child.kill();
        resolve(chunk.toString().trim());
      });
      child.once("exit", (code) => reject(new Error(`the plugin exited with ${code} before serving`)));
    });
    expect(port).toMatch(/^\d+$/);
  });

  it("the engine downloads exactly the tarball from pluginDownloadURL (its version placeholder replaced)", async () => {
    // The schema's and the Python package's download URL is package.json's config.pluginDownloadURL.
    const schema = JSON.parse(fs.readFileSync(artifacts.schema, "utf8")) as { pluginDownloadURL: string };
    expect(schema.pluginDownloadURL).toBe(config.pluginDownloadURL);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the engine's placeholder, not a template literal
    expect(config.pluginDownloadURL).toContain("${VERSION}");
    const requested: string[] = [];
    const server = http.createServer((request, response) => {
      requested.push(request.url ?? "");
      const file = path.join(path.dirname(artifacts.plugin), path.basename(request.url ?? ""));
      if (request.url === `/releases/v${version}/${TARBALL}` && fs.existsSync(file)) {
        // The engine refuses a download of unknown length.
        response.writeHead(200, { "content-type": "application/gzip", "content-length": fs.statSync(file).size });
        fs.createReadStream(file).pipe(response);
      } else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const user = userEnvironment([]);
      const server_ = `http://127.0.0.1:${port}/releases/v\${VERSION}`;
      await user.run(["plugin", "install", "resource", PLUGIN, version, "--server", server_]);
      expect(requested).toEqual([`/releases/v${version}/${TARBALL}`]);
      const { stdout } = await user.run(["plugin", "ls", "--json"]);
      const plugins = JSON.parse(stdout) as { name: string; kind: string; version: string }[];
      expect(plugins.map(({ name, kind, version }) => ({ name, kind, version }))).toEqual([
        { name: PLUGIN, kind: "resource", version },
      ]);
    } finally {
      server.close();
    }
  });

  it("the wheel and the sdist name the plugin, its version and its download server", async () => {
    const expected = { resource: true, name: PLUGIN, version, server: config.pluginDownloadURL };
    const wheel = artifacts.python.find((file) => file.endsWith(".whl"))!;
    const sdist = artifacts.python.find((file) => file.endsWith(".tar.gz"))!;
    expect(path.basename(wheel)).toBe(`pulumi_huaweicloud_rds_offsite-${version}-py3-none-any.whl`);
    const fromWheel = (await exec("unzip", ["-p", wheel, "pulumi_huaweicloud_rds_offsite/pulumi-plugin.json"])).stdout;
    const inSdist = `pulumi_huaweicloud_rds_offsite-${version}/pulumi_huaweicloud_rds_offsite/pulumi-plugin.json`;
    const fromSdist = (await exec("tar", ["-xzOf", sdist, inSdist])).stdout;
    expect(JSON.parse(fromWheel)).toEqual(expected);
    expect(JSON.parse(fromSdist)).toEqual(expected);
  });

  it("the Go module sits at its real path, and the Go example requires it at this version", () => {
    const goMod = fs.readFileSync(path.join(artifacts.go, "go.mod"), "utf8");
    expect(goMod).toMatch(new RegExp(`^module ${GO_MODULE_PATH}\\n`));
    const plugin = JSON.parse(
      fs.readFileSync(path.join(artifacts.go, "huaweicloudrdsoffsite", "pulumi-plugin.json"), "utf8"),
    ) as { version: string; server: string };
    expect(plugin).toMatchObject({ version, server: config.pluginDownloadURL });
    const example = fs.readFileSync(path.join(repoRoot, "examples/go-restore-gate/go.mod"), "utf8");
    expect(example).toContain(`${GO_MODULE_PATH} v${version}\n`);
  });

  it("the Java SDK compiles into a jar with a class per function's arguments and result, naming the plugin", async () => {
    expect(path.basename(artifacts.java.jar)).toBe(`huaweicloudrdsoffsite-${version}.jar`);
    const listed = (await exec("unzip", ["-Z1", artifacts.java.jar])).stdout.split("\n");
    const classes = "com/pulumi/huaweicloudrdsoffsite";
    for (const name of ["CheckRestoreTime", "GetOffsiteBackupInstances", "GetOffsiteRestoreTimeRanges"]) {
      expect(listed).toContain(`${classes}/inputs/${name}Args.class`);
      expect(listed).toContain(`${classes}/outputs/${name}Result.class`);
    }
    expect(listed).toContain(`${classes}/HuaweicloudrdsoffsiteFunctions.class`);
    const plugin = (await exec("unzip", ["-p", artifacts.java.jar, `com/pulumi/${PLUGIN}/plugin.json`])).stdout;
    expect(JSON.parse(plugin)).toEqual({ resource: true, name: PLUGIN, server: config.pluginDownloadURL, version });
  });

  it("the npm tarball is the package at this version", () => {
    expect(path.basename(artifacts.npm)).toBe(`pulumi-huaweicloud-rds-offsite-${version}.tgz`);
  });
});

describe("installed as users install it, previewed with no Node.js on PATH", () => {
  it(
    "Python: the wheel in a fresh virtual environment",
    async () => {
      const id = emulator.dataset.instances(REGION)[0]!.id;
      const time = latestOf(id) - 60_000;
      const project = await userProject("python-restore-gate", [hosts.python, venvBin], String(time));
      const { stdout } = await project.run(["preview", "--stack", "dev"], project.dir);
      expectListedLookedUpAndGated(stdout, time);
      const refused = latestOf(id) + 3_600_000;
      await project.run(["config", "set", "restoreTime", String(refused)], project.dir);
      await expect(project.run(["preview", "--stack", "dev"], project.dir)).rejects.toThrow(
        `Cannot restore DB instance ${id} to ${new Date(refused).toISOString()} (${refused}): no restore time range`,
      );
    },
    OP_TIMEOUT,
  );

  it(
    "YAML: the plugin alone",
    async () => {
      const id = emulator.dataset.instances(REGION)[0]!.id;
      const time = latestOf(id) - 60_000;
      const project = await userProject("yaml-restore-gate", [hosts.yaml], String(time));
      const { stdout } = await project.run(["preview", "--stack", "dev"], project.dir);
      expectListedLookedUpAndGated(stdout, time);
    },
    OP_TIMEOUT,
  );

  it(
    "Go: the module (a replace to the built one, until it is published)",
    async () => {
      const id = emulator.dataset.instances(REGION)[0]!.id;
      const time = latestOf(id) - 60_000;
      const project = await userProject("go-restore-gate", [hosts.go, goBin], String(time));
      await exec("go", ["mod", "edit", `-replace=${GO_MODULE_PATH}=${artifacts.go}`], { cwd: project.dir });
      const { stdout } = await project.run(["preview", "--stack", "dev"], project.dir);
      expectListedLookedUpAndGated(stdout, time);
    },
    OP_TIMEOUT,
  );

  it(
    "Java: the jar from a Maven repository (a file one, until it is published); epoch milliseconds whole (Double)",
    async () => {
      const id = emulator.dataset.instances(REGION)[0]!.id;
      const time = latestOf(id) - 60_000;
      const project = await userProject("java-restore-gate", [hosts.java, binWithoutNode()], String(time));
      // A Maven repository holding the release's jar and pom, where the program's pom looks first.
      const repository = path.join(scratch, "maven-repository");
      const versionDir = path.join(repository, "com", "pulumi", "huaweicloudrdsoffsite", version);
      fs.mkdirSync(versionDir, { recursive: true });
      for (const file of [artifacts.java.jar, artifacts.java.pom]) {
        fs.copyFileSync(file, path.join(versionDir, path.basename(file)));
      }
      // Maven's local repository keeps a release version once resolved and never looks again: a jar of this version
      // from an earlier build (another schema) would shadow the one just built.
      fs.rmSync(path.join(os.homedir(), ".m2", "repository", "com", "pulumi", "huaweicloudrdsoffsite", version), {
        recursive: true,
        force: true,
      });
      const pom = path.join(project.dir, "pom.xml");
      fs.writeFileSync(
        pom,
        fs
          .readFileSync(pom, "utf8")
          .replace(
            "  <dependencies>",
            `  <repositories><repository><id>release</id><url>file://${repository}</url></repository></repositories>\n  <dependencies>`,
          ),
      );
      const { stdout } = await project.run(["preview", "--stack", "dev"], project.dir);
      // Epoch milliseconds are the schema's `number`, a Double in Java: the value comes through whole (it was clamped to
      // 2147483647 while they were `integer`, Java's 32-bit Integer).
      expect(time).toBeGreaterThan(2 ** 31 - 1);
      expectListedLookedUpAndGated(stdout, time);
      expect(stdout).not.toContain("2147483647");
    },
    OP_TIMEOUT,
  );
});
