import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const emulatorDir = join(__dirname, "../../emulator");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

describe("emulator independence", () => {
  it("never imports the code it checks (src/)", () => {
    const files = sourceFiles(emulatorDir);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const imports = [
        ...readFileSync(file, "utf8").matchAll(/(?:from\s+|import\s*\(\s*|require\s*\(\s*)["']([^"']+)["']/g),
      ].map((m) => m[1]!);
      for (const specifier of imports)
        expect(specifier, file).not.toMatch(/(^|\/)(src|sdk|provider)(\/|$)|^pulumi-huaweicloud-rds-offsite/);
    }
  });
});
