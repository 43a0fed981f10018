/**
 * docs/api/ is the API reference users read: one page per function of the schema, every argument and result field in
 * each language's syntax. It must be what the schema gives today (`npm run schema` rewrites it).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_DOCS_DIR, apiDocs } from "../../scripts/apiDocs";
import { DATA_SOURCES } from "../../src/core/dataSources";
import { packageSchema } from "../../src/plugin/schema";
import { PLUGIN_VERSION } from "../../src/plugin/version";

const repoRoot = path.resolve(__dirname, "..", "..");
const pages = apiDocs(packageSchema(PLUGIN_VERSION));

describe("docs/api", () => {
  it("holds exactly the pages the schema gives (run `npm run schema` after changing a definition)", () => {
    const committed = fs.readdirSync(path.join(repoRoot, API_DOCS_DIR)).map((file) => `${API_DOCS_DIR}/${file}`);
    expect(committed.sort()).toEqual([...pages.keys()].sort());
    for (const [file, text] of pages) expect(fs.readFileSync(path.join(repoRoot, file), "utf8"), file).toBe(text);
  });

  it("has a page per function naming every argument and result field in TypeScript, Python and Go", () => {
    for (const source of DATA_SOURCES) {
      const page = pages.get(`${API_DOCS_DIR}/${source.name}.md`)!;
      for (const field of [...Object.keys(source.arguments), ...Object.keys(source.result)]) {
        const python = field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
        const go = field[0]!.toUpperCase() + field.slice(1);
        expect(page, `${source.name}.${field}`).toMatch(
          new RegExp(`\\| \`${field}\`: .* \\| \`${python}\`: .* \\| \`${go}\`: `),
        );
      }
      expect(page).toContain(`function: huaweicloud-rds-offsite:${source.name}`);
    }
  });

  it("is linked from the README", () => {
    const readme = fs.readFileSync(path.join(repoRoot, "README.md"), "utf8");
    expect(readme).toContain(`](${API_DOCS_DIR}/README.md)`);
  });
});
