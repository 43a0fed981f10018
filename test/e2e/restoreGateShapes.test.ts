/**
 * RestoreGate in the shapes users write, as a directory project run by `pulumi preview` / `pulumi up`
 * (test/e2e/fixtures/gate-shapes): the restore point or the restore time fed into the restore that depends on it,
 * nothing exported; outputs exported; the gate inside a component; two gates. What a person reads is asserted: the
 * refusal once, on one line, under the gate's name, no stack frame, no serialization wrapper, and the restore not
 * created.
 */
import { describe, expect, it } from "vitest";
import { gateEmulatorForFile } from "../support/emulator";
import { type CliRun, type DirectoryProject, pulumiInDirectory } from "./harness/pulumiInDirectory";
import { refusalOf } from "./harness/refusal";

const OP_TIMEOUT = 240_000;
const GATE = "huaweicloud-rds-offsite:index:RestoreGate";
/** A JavaScript stack frame line, as Node prints them. */
const STACK_FRAME = /^\s+at /m;

const { emulator, instanceId, latest } = await gateEmulatorForFile();

async function gateProject(shape: string, restoreTime: number): Promise<DirectoryProject> {
  const project = await pulumiInDirectory({
    dir: "test/e2e/fixtures/gate-shapes",
    env: { HW_RDS_ENDPOINT: emulator.url, HW_IAM_ENDPOINT: emulator.url },
  });
  await project.configure(
    {
      "huaweicloud:region": "ap-southeast-1",
      "huaweicloud:accessKey": emulator.credentials.accessKey,
      "gate-shapes:instanceId": instanceId,
      "gate-shapes:restoreTime": String(restoreTime),
      "gate-shapes:shape": shape,
    },
    { "huaweicloud:secretKey": emulator.credentials.secretKey },
  );
  return project;
}

/** The refusal's text, as RestoreGate words it (the emulator's latest range is the nearest one). */
function refusalPattern(time: number): RegExp {
  // RegExp.escape is Node 24's; the package supports Node 20.
  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(
    `^${literal(refusalOf(instanceId, time))} Nearest available ranges? \\(UTC\\): [^\\n]*${literal(new Date(latest).toISOString())}[^\\n]*\\.$`,
  );
}

/** The Diagnostics section: resource headings and their messages. */
function diagnostics(run: CliRun): { heading: string; lines: string[] }[] {
  const start = run.stdout.indexOf("Diagnostics:");
  const text = run.stdout.slice(start, run.stdout.slice(start).search(/\n(Outputs|Resources):/) + start);
  const sections: { heading: string; lines: string[] }[] = [];
  for (const line of text.split("\n").slice(1)) {
    if (/^ {2}\S/.test(line)) sections.push({ heading: line.trim(), lines: [] });
    else if (line.trim() !== "") sections.at(-1)?.lines.push(line.trim());
  }
  return sections;
}

/** One error line per gate named, under that gate's heading, and nothing else anywhere that a person would misread. */
function expectRefusedBy(run: CliRun, gates: string[], time: number): void {
  expect(run.exitCode).not.toBe(0);
  const sections = diagnostics(run);
  expect(sections.map((section) => section.heading).sort()).toEqual(gates.map((gate) => `${GATE} (${gate}):`).sort());
  for (const section of sections) {
    expect(section.lines).toHaveLength(1);
    expect(section.lines[0]).toMatch(/^error: /);
    expect(section.lines[0]!.slice("error: ".length)).toMatch(refusalPattern(time));
  }
  expect(run.output).not.toMatch(STACK_FRAME);
  expect(run.output).not.toContain("error serializing property");
  expect(run.output).not.toContain("unhandled exception");
  expect(run.output).not.toContain("One or more errors occurred");
}

/** The resources in the stack's state. */
async function stateResources(
  project: DirectoryProject,
): Promise<{ type: string; outputs?: Record<string, unknown> }[]> {
  const exported = await project.pulumi(["stack", "export", "--stack", project.stackName]);
  const state = JSON.parse(exported.stdout) as {
    deployment: { resources?: { type: string; outputs?: Record<string, unknown> }[] };
  };
  return state.deployment.resources ?? [];
}

const RESTORE = "pulumi-nodejs:dynamic/gate-shapes:Restore";
const upWithoutPreview = (project: DirectoryProject) =>
  project.pulumi(["up", "--yes", "--skip-preview", "--stack", project.stackName]);

/**
 * The shapes in which a refused time must stop the deployment: the gates each shape has, and whether its program has a
 * restore that depends on the gate (then `pulumi up` must not create it).
 */
const REFUSED_SHAPES: { shape: string; what: string; gates: string[]; hasRestore: boolean }[] = [
  { shape: "restore-point", what: "restore point fed into the restore", gates: ["orders"], hasRestore: true },
  { shape: "restore-time", what: "restore time fed into the restore", gates: ["orders"], hasRestore: true },
  { shape: "exported", what: "outputs exported", gates: ["orders"], hasRestore: false },
  { shape: "component", what: "the gate inside a component", gates: ["orders"], hasRestore: true },
  { shape: "two-gates", what: "two refusing gates", gates: ["orders", "billing"], hasRestore: true },
];

describe("RestoreGate in a user's project directory", () => {
  const refused = () => latest + 86_400_000;

  it.each(REFUSED_SHAPES)(
    "$what: refused under each gate's name, each message once, in preview and up; no restore created",
    async ({ shape, gates, hasRestore }) => {
      const project = await gateProject(shape, refused());
      try {
        expectRefusedBy(await project.runFailing("preview"), gates, refused());
        expectRefusedBy(await upWithoutPreview(project), gates, refused());
        if (hasRestore) expect((await stateResources(project)).map((resource) => resource.type)).not.toContain(RESTORE);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    "restore point fed into the restore: a restorable time creates the restore with it",
    async () => {
      const time = latest - 3_600_000;
      const project = await gateProject("restore-point", time);
      try {
        const up = await project.run("up");
        expect(up.output).not.toContain("error");
        const restore = (await stateResources(project)).find((resource) => resource.type === RESTORE);
        expect(restore?.outputs).toMatchObject({ instanceId, restoreTime: time });
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );

  it(
    'onUnavailable: "warn" warns once under the gate and withholds the restore point',
    async () => {
      const project = await gateProject("warn", refused());
      try {
        const preview = await project.run("preview");
        const sections = diagnostics(preview);
        expect(sections.map((section) => section.heading)).toEqual([`${GATE} (orders):`]);
        expect(sections[0]!.lines).toHaveLength(1);
        expect(sections[0]!.lines[0]!.slice("warning: ".length)).toMatch(refusalPattern(refused()));
        expect(preview.stdout).toMatch(/restorable\s*:\s*false/);
        expect(preview.stdout).toMatch(/hasRestorePoint\s*:\s*false/);
      } finally {
        project.cleanup();
      }
    },
    OP_TIMEOUT,
  );
});
