/**
 * Vitest global setup: provision the Pulumi CLI and its Node language host once, before any test file runs, so that a first-time build (minutes)
 * is not charged to a test's timeout. The result reaches the tests through `inject("pulumiCli")` (see
 * test/e2e/harness). A provisioning failure is not thrown here (that would also abort unrelated unit tests): it is
 * printed and handed to the harness, which makes every e2e test fail with the refused step and module.
 *
 * When the command line names test files and none of them is an e2e test, provisioning is skipped; an e2e test that
 * runs anyway provisions through the harness.
 */
import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { ensurePulumiCli } from "../../scripts/pulumi-cli/provision.mjs";

const e2eDir = path.resolve(__dirname);

function e2eFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory() && entry.name !== "fixtures" && entry.name !== "node_modules") out.push(...e2eFiles(p));
    else if (entry.isFile() && entry.name.endsWith(".test.ts")) out.push(path.relative(process.cwd(), p));
  }
  return out;
}

/** Positional filters on the vitest command line (file name fragments), if any. */
function fileFilters(): string[] {
  const args = process.argv.slice(2);
  const filters: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a.startsWith("-")) {
      // `--flag value` forms whose value is not a file filter
      if (!a.includes("=") && /^--(reporter|project|config|root|dir|outputFile|pool|environment|mode)$/.test(a)) i++;
      continue;
    }
    if (["run", "watch", "dev", "related", "bench"].includes(a) && filters.length === 0) continue;
    filters.push(a);
  }
  return filters;
}

export default async function setup(project: TestProject): Promise<void> {
  const filters = fileFilters();
  if (filters.length > 0) {
    const files = e2eFiles(e2eDir);
    const selected = files.some((f) => filters.some((flt) => f.includes(flt) || path.resolve(flt).startsWith(e2eDir)));
    if (!selected) {
      project.provide("pulumiCli", { skipped: `no e2e test among the filters ${JSON.stringify(filters)}` });
      return;
    }
  }
  const started = Date.now();
  try {
    const cli = await ensurePulumiCli();
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write(
      `[e2e] Pulumi CLI ${cli.version} (${cli.source}, ${secs}s) at ${cli.pulumiPath}; language host: ${
        cli.languageHostPath ?? "none (directory projects cannot run)"
      }\n`,
    );
    project.provide("pulumiCli", { cli });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`\n[e2e] PULUMI CLI PROVISIONING FAILED — every e2e test will fail:\n${message}\n\n`);
    project.provide("pulumiCli", { error: message });
  }
}
