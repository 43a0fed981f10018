/**
 * Engine facts the product depends on, proved against the real Pulumi CLI (see docs/engine-facts.md).
 *
 * Each stack is reused across the tests of its describe block (they run in order), to keep the number of engine
 * operations small. Everything the fixture provider does is logged as JSON lines in a file outside the state, so a
 * test can count calls per operation. Measurements are also written to test-results/engine-facts.json.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { isCompatibleCliVersion } from "../../scripts/pulumi-cli/provision.mjs";
import type * as Fixture from "./fixtures/fact-provider.cjs";
import {
  cliVersion,
  createProjectTestStack,
  createTestStack,
  expectFailure,
  getPulumiCli,
  repoRoot,
  requireNative,
  type TestStack,
  type TestStackOptions,
  UNKNOWN,
  workRoot,
} from "./harness/index.js";

const fx = requireNative<typeof Fixture>("test/e2e/fixtures/fact-provider.cjs");
const fixtureImplDir = path.join(repoRoot, "test/e2e/fixtures/fact-fixture-impl");
const ownPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, "package.json"), "utf8")).name as string;

const OP_TIMEOUT = 120_000;
const facts: Record<string, unknown> = {};

interface Call {
  op: string;
  id?: string;
  props?: Record<string, string>;
  news?: Record<string, string>;
  inputs?: Record<string, string>;
  secretKeySha256?: string | null;
  secretKeyType?: string;
  region?: string | null;
  configKeys?: string[];
  cwd?: string;
  pid: number;
}

/** The fixture's call log: a temp dir with calls.jsonl and data.json, passed to the provider through env vars. */
function callLog() {
  // created by the first setData (in a beforeAll), so a describe block that a filter skips leaves nothing behind
  const dir = path.join(os.tmpdir(), `engine-facts-${crypto.randomUUID()}`);
  const logFile = path.join(dir, "calls.jsonl");
  const dataFile = path.join(dir, "data.json");
  let mark = 0;
  const all = (): Call[] =>
    fs.existsSync(logFile)
      ? fs
          .readFileSync(logFile, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l) as Call)
      : [];
  return {
    envVars: { FACTS_LOG_FILE: logFile, FACTS_DATA_FILE: dataFile },
    setData(d: Record<string, { value: string }>) {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(dataFile, JSON.stringify(d));
    },
    all,
    /** Calls since the previous `take()`. */
    take(): Call[] {
      const calls = all();
      const fresh = calls.slice(mark);
      mark = calls.length;
      return fresh;
    },
    remove() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

const ops = (calls: Call[], op: string) => calls.filter((c) => c.op === op);

/**
 * The stack of one describe block, shared by its tests (they run in order): the fixture's call log seeded with
 * `data`, the log passed to the provider process, and both removed after the block.
 */
function fixtureStack(data: Record<string, { value: string }>, options: Omit<TestStackOptions, "envVars">) {
  const log = callLog();
  let created: TestStack | undefined;
  beforeAll(async () => {
    log.setData(data);
    created = await createTestStack({ ...options, envVars: log.envVars });
  });
  afterAll(async () => {
    await created?.cleanup();
    log.remove();
  });
  const stack = (): TestStack => {
    if (!created) throw new Error("the stack was not created (its beforeAll failed)");
    return created;
  };
  return { log, stack };
}

const sha256 = (s: string) => crypto.createHash("sha256").update(s).digest("hex");

afterAll(async () => {
  facts.cli = await cliVersion().catch((e) => String(e));
  fs.mkdirSync(path.join(repoRoot, "test-results"), { recursive: true });
  fs.writeFileSync(path.join(repoRoot, "test-results/engine-facts.json"), `${JSON.stringify(facts, null, 2)}\n`);
});

test("the Pulumi CLI is provisioned and compatible with the SDK", async () => {
  // Fails with the refused step/module when provisioning failed (the describe blocks below then fail in beforeAll).
  const cli = await getPulumiCli();
  facts.provisioning = cli;
  expect(isCompatibleCliVersion(cli.version, cli.sdkVersion)).toBe(true);
  expect(cli.shims).toContain("pulumi-resource-pulumi-nodejs");
  // the Node language host beside the CLI: what runs a program from a project directory
  expect(cli.languageHostPath).toBe(path.join(cli.binDir, "pulumi-language-nodejs"));
});

describe("a data source read by id (ReadResource) through the whole lifecycle", () => {
  const secret = `sk-${crypto.randomUUID()}`;
  const { log, stack } = fixtureStack(
    { "bk-1": { value: "v1" } },
    {
      projectName: "facts-read",
      program: async () => {
        const d = new fx.FactData("backup", {}, { id: "bk-1" });
        return { value: d.value, upstreamSeen: d.upstreamSeen };
      },
      config: {
        "huaweicloud:secretKey": { value: secret, secret: true },
        "huaweicloud:region": "cn-north-4",
      },
      linkPackages: { [ownPackage]: repoRoot, "fact-fixture-impl": fixtureImplDir },
    },
  );

  test(
    "the FIRST preview of a new stack runs read and its outputs are known",
    async () => {
      const p = await stack().preview();
      const calls = log.take();
      facts.firstPreview = {
        ms: p.ms,
        changeSummary: p.changeSummary,
        providerCalls: calls.map((c) => c.op),
        readStep: p.reads[0] && { op: p.reads[0].op, type: p.reads[0].type, outputs: p.reads[0].outputs },
        stackOutputs: p.stackOutputs,
      };
      expect(ops(calls, "read").map((c) => c.id)).toEqual(["bk-1"]);
      expect(ops(calls, "create")).toEqual([]);
      expect(p.reads).toHaveLength(1);
      expect(p.reads[0]?.type).toBe("pulumi-nodejs:dynamic/facts:FactData");
      expect(p.reads[0]?.outputs.value).toBe("v1");
      expect(p.stackOutputs.value).toBe("v1");
      // the change summary of a first preview counts only the stack: a first read is not a "change"
      expect(p.changeSummary).toEqual({ create: 1 });
      // the provider shim beside the CLI is taken as bundled: no "using … from $PATH" warning
      expect(p.diagnostics.filter((d) => d.message.includes("from $PATH"))).toEqual([]);
    },
    OP_TIMEOUT,
  );

  test(
    "up reads once more and the stack outputs carry the value",
    async () => {
      const u = await stack().up();
      const calls = log.take();
      facts.up = { ms: u.ms, summary: u.summary, providerCalls: calls.map((c) => c.op), outputs: u.outputs };
      expect(ops(calls, "read")).toHaveLength(1);
      expect(u.outputs.value).toBe("v1");
      expect(u.summary.result).toBe("succeeded");
    },
    OP_TIMEOUT,
  );

  test(
    "a second preview with unchanged data reports no changes; changed data shows only in the read's outputs",
    async () => {
      const same = await stack().preview();
      const sameCalls = log.take();
      log.setData({ "bk-1": { value: "v2" } });
      const changed = await stack().preview();
      const changedCalls = log.take();
      facts.secondPreview = {
        unchanged: { ms: same.ms, changeSummary: same.changeSummary, readOps: same.reads.map((r) => r.op) },
        dataChanged: {
          ms: changed.ms,
          changeSummary: changed.changeSummary,
          readOps: changed.reads.map((r) => r.op),
          value: changed.reads[0]?.outputs.value,
        },
      };
      // unchanged: the read runs, its step op is still "read", but the summary shows no change at all
      expect(ops(sameCalls, "read")).toHaveLength(1);
      expect(same.reads.map((r) => r.op)).toEqual(["read"]);
      expect(same.reads[0]?.outputs.value).toBe("v1");
      expect(same.changeSummary).toEqual({ same: 1 });
      // changed data: counted as one "read" (never an update/replace), with the new outputs
      expect(ops(changedCalls, "read")).toHaveLength(1);
      expect(changed.reads[0]?.outputs.value).toBe("v2");
      expect(changed.changeSummary).toEqual({ read: 1, same: 1 });
    },
    OP_TIMEOUT,
  );

  test(
    "refresh calls read again and stores the fresh outputs",
    async () => {
      const r = await stack().refresh();
      const calls = log.take();
      const state = await stack().exportedState();
      facts.refresh = {
        ms: r.ms,
        summary: r.summary,
        providerCalls: calls.map((c) => c.op),
        stepOps: r.steps.map((x) => x.op),
      };
      expect(ops(calls, "read").map((c) => c.id)).toEqual(["bk-1"]);
      // read gets the stored outputs (value v1 from up) as its props
      expect(ops(calls, "read")[0]?.props?.value).toBe('"v1"');
      expect(r.summary.result).toBe("succeeded");
      // the state held v1 (from up); refresh read v2 and reports that as an "update" of the read resource
      expect(r.steps.map((x) => x.op)).toEqual(["update"]);
      expect(r.summary.resourceChanges).toEqual({ same: 1, update: 1 });
      expect(state).toContain('"value": "v2"');
    },
    OP_TIMEOUT,
  );

  test("configure receives the stack config with secrets decrypted; nothing stores the plaintext", async () => {
    const configures = ops(log.all(), "configure");
    const state = await stack().exportedState();
    const persisted = await stack().persistedText();
    const parsed = JSON.parse(state) as {
      deployment: {
        resources?: { type: string; inputs?: Record<string, unknown>; outputs?: Record<string, unknown> }[];
      };
    };
    const providerRes = parsed.deployment.resources?.find((r) => r.type === "pulumi:providers:pulumi-nodejs");
    facts.configure = {
      callsSoFar: configures.length,
      configKeys: configures[0]?.configKeys,
      secretKeyType: configures[0]?.secretKeyType,
      region: configures[0]?.region,
      providerResourceInputs: providerRes?.inputs,
      stackConfigFile: fs.readFileSync(path.join(stack().workDir, `Pulumi.${stack().stackName}.yaml`), "utf8"),
    };
    // once per provider process, i.e. per operation: preview, up, preview, preview, refresh
    expect(configures).toHaveLength(5);
    for (const c of configures) {
      expect(c.secretKeyType).toBe("string");
      expect(c.secretKeySha256).toBe(sha256(secret));
      expect(c.region).toBe("cn-north-4");
    }
    // configure sees the whole stack config (every namespace), not just a provider namespace
    expect(configures[0]?.configKeys).toEqual(["huaweicloud:region", "huaweicloud:secretKey"]);
    // ...because the engine makes the stack config the inputs of the default pulumi-nodejs provider resource; the
    // secret stays a secret there (automation's exportStack passes --show-secrets, so it appears decrypted in `state`)
    expect(providerRes?.inputs?.["huaweicloud:region"]).toBe("cn-north-4");
    expect(providerRes?.inputs?.["huaweicloud:secretKey"]).toEqual({
      "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
      plaintext: JSON.stringify(secret),
    });
    // what is actually stored (backend checkpoint, backups, history, PULUMI_HOME, Pulumi.<stack>.yaml): ciphertext only
    expect(persisted.length).toBeGreaterThan(1000);
    expect(persisted).not.toContain(secret);
    expect(persisted).toContain('"ciphertext"');
    expect(persisted).toContain("secure:");
  });

  test(
    "destroy leaves nothing behind and makes no delete call for a read resource",
    async () => {
      const d = await stack().destroy();
      const calls = log.take();
      const state = JSON.parse(await stack().exportedState()) as { deployment: { resources?: unknown[] } };
      facts.destroy = {
        ms: d.ms,
        summary: d.summary,
        providerCalls: calls.map((c) => c.op),
        stepOps: d.steps.map((x) => x.op),
        resourcesLeft: state.deployment.resources?.length ?? 0,
      };
      expect(ops(calls, "delete")).toEqual([]);
      expect(d.steps.map((x) => x.op)).toEqual(["discard"]);
      expect(state.deployment.resources ?? []).toEqual([]);
      expect(d.summary.result).toBe("succeeded");
    },
    OP_TIMEOUT,
  );
});

describe("unknown values at preview", () => {
  const applied: { phase: string; value: string }[] = [];
  let phase = "preview";
  const { log, stack } = fixtureStack(
    { "bk-1": { value: "v1" } },
    {
      projectName: "facts-unknown",
      program: async () => {
        const thing = new fx.FactThing("thing");
        new fx.FactThing("thing2", { upstream: thing.generated });
        const dependent = new fx.FactData("dependent", { upstream: thing.generated }, { id: "bk-1" });
        const byUnknownId = new fx.FactData("byUnknownId", {}, { id: thing.generated });
        byUnknownId.value.apply((value) => applied.push({ phase, value }));
        return {
          thingGenerated: thing.generated,
          dependentValue: dependent.value,
          dependentUpstreamSeen: dependent.upstreamSeen,
          byUnknownIdValue: byUnknownId.value,
        };
      },
      linkPackages: { "fact-fixture-impl": fixtureImplDir },
    },
  );

  test(
    "a read whose id is unknown is skipped in preview; an unknown input is absent from read's props",
    async () => {
      const p = await stack().preview();
      const calls = log.take();
      const step = (name: string) => p.steps.find((x) => x.name === name);
      facts.unknownPreview = {
        ms: p.ms,
        changeSummary: p.changeSummary,
        providerCalls: calls.map((c) => ({ op: c.op, id: c.id, props: c.props, news: c.news })),
        steps: p.steps.map((x) => ({ name: x.name, op: x.op, id: x.id, outputs: x.outputs, inputs: x.inputs })),
        stackOutputs: p.stackOutputs,
        applyRanInPreview: applied.filter((a) => a.phase === "preview"),
      };
      // resources being created: check runs (an unknown input arrives there as the sentinel), create does not
      const checks = ops(calls, "check");
      expect(checks.map((c) => c.news?.name)).toEqual(['"thing"', '"thing2"']);
      expect(checks[1]?.news?.upstream).toBe("UNKNOWN_SENTINEL");
      expect(ops(calls, "create")).toEqual([]);
      // read by a known id with an unknown input: runs; the engine shows the input as unknown, but the provider's
      // read gets props WITHOUT that key (indistinguishable from an absent optional input)
      const dependentReads = ops(calls, "read").filter((c) => c.id === "bk-1");
      expect(dependentReads).toHaveLength(1);
      expect(dependentReads[0]?.props).toEqual({ __provider: expect.any(String) });
      expect(step("dependent")?.inputs.upstream).toBe(UNKNOWN);
      expect(step("dependent")?.outputs.value).toBe("v1");
      // read by an unknown id: the provider is never called, outputs are unknown, applies do not run
      expect(ops(calls, "read").filter((c) => c.id !== "bk-1")).toEqual([]);
      expect(step("byUnknownId")?.op).toBe("read");
      expect(step("byUnknownId")?.id).toBe(UNKNOWN);
      expect(step("byUnknownId")?.outputs).toEqual({});
      expect(applied.filter((a) => a.phase === "preview")).toEqual([]);
      expect(p.stackOutputs.byUnknownIdValue).toBe(UNKNOWN);
      expect(p.stackOutputs.thingGenerated).toBe(UNKNOWN);
      // reads are not counted in a first preview's summary: the stack and the two created resources only
      expect(p.changeSummary).toEqual({ create: 3 });
    },
    OP_TIMEOUT,
  );

  test(
    "up creates, then reads with the real values; destroy deletes only the created resource",
    async () => {
      phase = "up";
      const u = await stack().up();
      const upCalls = log.take();
      const d = await stack().destroy();
      const destroyCalls = log.take();
      facts.unknownUp = {
        ms: u.ms,
        providerCalls: upCalls.map((c) => ({ op: c.op, id: c.id, props: c.props })),
        outputs: u.outputs,
        applyRanInUp: applied.filter((a) => a.phase === "up"),
        destroy: { ms: d.ms, providerCalls: destroyCalls.map((c) => ({ op: c.op, id: c.id })), summary: d.summary },
      };
      expect(ops(upCalls, "create")).toHaveLength(2);
      expect(
        ops(upCalls, "read")
          .map((c) => c.id)
          .sort(),
      ).toEqual(["bk-1", "gen-thing"]);
      expect(u.outputs.dependentUpstreamSeen).toBe('"gen-thing"');
      expect(u.outputs.byUnknownIdValue).toBe("value-of-gen-thing");
      expect(applied.filter((a) => a.phase === "up").map((a) => a.value)).toEqual(["value-of-gen-thing"]);
      expect(
        ops(destroyCalls, "delete")
          .map((c) => c.id)
          .sort(),
      ).toEqual(["created-thing", "created-thing2"]);
    },
    OP_TIMEOUT,
  );
});

describe("program errors and module resolution inside the serialized provider", () => {
  const marker = crypto.randomUUID().slice(0, 8);
  const { stack } = fixtureStack(
    {},
    {
      projectName: "facts-errors",
      program: async () => ({}),
      // Deliberately NOT linking this repository's own package: the probe measures package self-reference.
      linkPackages: { "fact-fixture-impl": fixtureImplDir },
    },
  );

  test(
    "how require/import resolve inside a serialized provider method",
    async () => {
      stack().setProgram(async () => {
        const p = new fx.ResolutionProbe("probe");
        return { cwd: p.cwd };
      });
      const p = await stack().preview();
      const out = p.reads[0]?.outputs ?? {};
      const distProvider = fs.existsSync(path.join(repoRoot, "dist/pulumi/provider/index.js"));
      facts.moduleResolution = { ...out, workDir: stack().workDir, distProviderExists: distProvider };
      expect(out.cwd).toBe(stack().workDir);
      // a package in <cwd>/node_modules, through its "exports" subpath: works with plain require and import()
      expect(out.linkedPackage).toBe(`ok ${path.join(fixtureImplDir, "provider.cjs")}`);
      expect(out.dynamicImport).toBe("ok function");
      // the repository's dependencies resolve by walking up from cwd
      expect(String(out.repoDependency)).toMatch(/^ok .*node_modules\/ky\//);
      // Package self-reference needs a parent module with a file name: plain require inside the serialized code
      // (compiled by require-from-string with an empty file name) cannot self-reference (measured before the link
      // existed: MODULE_NOT_FOUND, see docs/engine-facts.md). It resolves the package through node_modules, walking
      // up from cwd: here the link `npm run prepare` creates in the repository's node_modules, as the product relies on.
      expect(fs.readlinkSync(path.join(repoRoot, "node_modules", "pulumi-huaweicloud-rds-offsite"))).toBe("..");
      expect(out.selfReferencePlainRequire).toBe(`ok ${path.join(repoRoot, "package.json")}`);
      expect(out.selfReferenceCreateRequire).toBe(`ok ${path.join(repoRoot, "package.json")}`);
      if (distProvider) {
        expect(out.selfReferenceProviderSubpath).toBe(`ok ${path.join(repoRoot, "dist/pulumi/provider/index.js")}`);
      } else {
        expect(String(out.selfReferenceProviderSubpath)).toContain(
          path.join(repoRoot, "dist/pulumi/provider/index.js"),
        );
      }
    },
    OP_TIMEOUT,
  );

  test(
    "an Error thrown in the program fails the preview with its message",
    async () => {
      stack().setProgram(async () => {
        throw new Error(`plain-error-${marker}`);
      });
      const f = await expectFailure(stack().preview());
      facts.programError = { errorText: f.errorText, output: f.output.slice(0, 3000) };
      expect(f.output).toContain(`plain-error-${marker}`);
      expect(f.errorText).toContain(`plain-error-${marker}`);
      expect(f.errorText).toMatch(/\n\s+at /); // a plain Error prints its stack
    },
    OP_TIMEOUT,
  );

  test(
    "a pulumi.RunError prints its message without a stack, also from an apply over read outputs",
    async () => {
      stack().setProgram(async () => {
        throw new pulumi.RunError(`run-error-${marker}`);
      });
      const direct = await expectFailure(stack().preview());
      stack().setProgram(async () => {
        const d = new fx.FactData("gated", {}, { id: "bk-9" });
        d.value.apply((v) => {
          if (v === "value-of-bk-9") throw new pulumi.RunError(`gate-closed-${marker}: ${v}`);
        });
        return {};
      });
      const gated = await expectFailure(stack().preview());
      facts.runError = { direct: direct.errorText, inApply: gated.errorText };
      expect(direct.errorText).toContain(`run-error-${marker}`);
      expect(direct.errorText).not.toMatch(/\n\s+at /);
      expect(gated.errorText).toContain(`gate-closed-${marker}: value-of-bk-9`);
      expect(gated.errorText).not.toMatch(/\n\s+at /);
    },
    OP_TIMEOUT,
  );

  test(
    "an error thrown by the provider's read fails the preview with its message",
    async () => {
      stack().setProgram(async () => {
        new fx.FactData("absent", {}, { id: `missing-${marker}` });
        return {};
      });
      const f = await expectFailure(stack().preview());
      facts.readError = { errorText: f.errorText, diagnostics: f.diagnostics.filter((d) => d.severity !== "debug") };
      expect(f.errorText).toContain(`Preview failed: fact fixture: no record with id missing-${marker}`);
      expect(f.diagnostics.find((d) => d.severity === "error")?.urn).toMatch(/FactData::absent$/);
      // the dynamic provider host also prints the error's stack on its stderr (shown as info#err lines)
      const providerStderr = f.diagnostics.filter((d) => d.severity === "info#err").map((d) => d.message);
      expect(providerStderr.join("")).toMatch(/\n?\s+at /);
    },
    OP_TIMEOUT,
  );
});

describe("a directory project (Pulumi.yaml + index.js, run through the Node language host)", () => {
  const marker = crypto.randomUUID().slice(0, 8);
  const secret = `sk-${crypto.randomUUID()}`;
  const log = callLog();
  let dir = "";
  let created: TestStack | undefined;
  const stack = (): TestStack => {
    if (!created) throw new Error("the stack was not created (its beforeAll failed)");
    return created;
  };
  beforeAll(async () => {
    log.setData({ "bk-1": { value: "v1" } });
    fs.mkdirSync(workRoot, { recursive: true });
    dir = fs.mkdtempSync(path.join(workRoot, "facts-directory-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: facts-directory\nruntime: nodejs\nmain: index.js\n");
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "facts-directory", private: true }));
    fs.writeFileSync(
      path.join(dir, "index.js"),
      [
        'const pulumi = require("@pulumi/pulumi");',
        `const fx = require(${JSON.stringify(path.join(repoRoot, "test/e2e/fixtures/fact-provider.cjs"))});`,
        'const mode = new pulumi.Config().get("mode");',
        // Thrown from a fresh stack (the first test of this block says why not from the top level).
        `if (mode === "run-error") setImmediate(() => { throw new pulumi.RunError("run-error-${marker}"); });`,
        `if (mode === "error") setImmediate(() => { throw new Error("plain-error-${marker}"); });`,
        'exports.programStack = new Error("where the program runs").stack;',
        'const backup = new fx.FactData("backup", {}, { id: "bk-1" });',
        'const probe = new fx.ResolutionProbe("probe");',
        "exports.value = backup.value;",
        "exports.cwd = probe.cwd;",
        "",
      ].join("\n"),
    );
    fs.mkdirSync(path.join(dir, "node_modules"));
    fs.symlinkSync(fixtureImplDir, path.join(dir, "node_modules", "fact-fixture-impl"), "dir");
    created = await createProjectTestStack({
      dir,
      envVars: log.envVars,
      config: { "huaweicloud:secretKey": { value: secret, secret: true }, "huaweicloud:region": "cn-north-4" },
    });
  });
  afterAll(async () => {
    await created?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    log.remove();
  });

  test(
    "the first preview reads by id with known outputs; the provider process runs in the project directory",
    async () => {
      const p = await stack().preview();
      const calls = log.take();
      facts.directoryFirstPreview = { ms: p.ms, changeSummary: p.changeSummary, stackOutputs: p.stackOutputs };
      expect(ops(calls, "read").map((c) => c.id)).toEqual(["bk-1"]);
      expect(p.reads.find((r) => r.name === "backup")?.outputs.value).toBe("v1");
      expect(p.stackOutputs.value).toBe("v1");
      expect(p.stackOutputs.cwd).toBe(dir);
      expect(p.changeSummary).toEqual({ create: 1 });
      // The SDK's run program installs source-map-support, and @pulumi/pulumi's maps name sources one directory too
      // high: frames of the SDK read `node_modules/@pulumi/resource.ts:…`, a scoped path with no package segment.
      // On Node 20.20 (nodejs/node#64011) util.inspect(error, { colors: true }), which the SDK's uncaught-error handler
      // runs for every error (RunError too), loops on such a frame until the string overflows: a program that throws
      // from its top level takes minutes of CPU to fail (docs/engine-facts.md).
      facts.directoryProgramStack = p.stackOutputs.programStack;
      expect(String(p.stackOutputs.programStack)).toMatch(/\(.*\/node_modules\/@pulumi\/resource\.ts:\d+:\d+\)/);
      const configure = ops(calls, "configure")[0];
      expect(configure?.configKeys).toEqual(["huaweicloud:region", "huaweicloud:secretKey"]);
      expect(configure?.secretKeySha256).toBe(sha256(secret));
    },
    OP_TIMEOUT,
  );

  test(
    "up, an unchanged preview, refresh and destroy behave as for inline programs",
    async () => {
      const u = await stack().up();
      expect(u.outputs.value).toBe("v1");
      // as for inline programs, unchanged reads are not counted: the stack only
      expect((await stack().preview()).changeSummary).toEqual({ same: 1 });
      log.setData({ "bk-1": { value: "v2" } });
      const r = await stack().refresh();
      expect(r.summary.resourceChanges).toEqual({ same: 2, update: 1 });
      const d = await stack().destroy();
      const calls = log.take();
      facts.directoryLifecycle = { up: u.summary, refresh: r.summary, destroy: d.summary };
      expect(ops(calls, "delete")).toEqual([]);
      expect(d.steps.map((x) => x.op)).toEqual(["discard", "discard"]);
      expect(await stack().persistedText()).not.toContain(secret);
    },
    OP_TIMEOUT,
  );

  test(
    "a RunError prints its message without a stack; a plain Error with its stack",
    async () => {
      await stack().setConfig({ "facts-directory:mode": "run-error" });
      const runError = await expectFailure(stack().preview());
      await stack().setConfig({ "facts-directory:mode": "error" });
      const plainError = await expectFailure(stack().preview());
      facts.directoryErrors = { runError: runError.errorText, plainError: plainError.errorText };
      expect(runError.errorText).toContain(`run-error-${marker}`);
      expect(runError.errorText).not.toMatch(/\n\s+at /);
      expect(plainError.errorText).toContain(`plain-error-${marker}`);
      expect(plainError.errorText).toMatch(/\n\s+at /);
    },
    OP_TIMEOUT,
  );
});
