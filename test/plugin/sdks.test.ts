/**
 * sdks/python and sdks/go are committed, as provider repositories commit theirs: they must be exactly what the
 * generator (codegen/, Pulumi's code generators) writes from schema/schema.json. The generator is built once into
 * the cache (minutes the first time).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateSdks } from "../../scripts/codegen.mjs";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Every file under `dir`, relative path → content. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(dir, file)] = fs.readFileSync(file, "utf8");
  }
  return files;
}

describe("the generated SDKs", () => {
  it("are what `npm run sdks` generates from schema/schema.json today", { timeout: 900_000 }, async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "sdks-"));
    try {
      await generateSdks(out);
      for (const language of ["python", "go"]) {
        expect(tree(path.join(repoRoot, "sdks", language)), `sdks/${language} is stale: run npm run sdks`).toEqual(
          tree(path.join(out, language)),
        );
      }
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
