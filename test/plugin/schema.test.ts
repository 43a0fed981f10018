/**
 * schema/schema.json is what the plugin answers and what the SDKs are generated from: it must be the schema the data
 * source definitions give today, and the definitions must name exactly the arguments the core validates.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_SOURCES } from "../../src/core/dataSources";
import { schemaText, token } from "../../src/plugin/schema";
import { PLUGIN_VERSION } from "../../src/plugin/version";

const repoRoot = path.resolve(__dirname, "..", "..");

describe("schema/schema.json", () => {
  it("is the schema the definitions give (run `npm run sdks` after changing a definition)", () => {
    const committed = fs.readFileSync(path.join(repoRoot, "schema", "schema.json"), "utf8");
    expect(committed).toBe(schemaText(PLUGIN_VERSION));
  });

  it("lists the arguments each data source's validation accepts, and no other", async () => {
    const schema = JSON.parse(schemaText(PLUGIN_VERSION)) as {
      functions: Record<string, { inputs: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(schema.functions)).toEqual(DATA_SOURCES.map((source) => token(source.name)));
    for (const source of DATA_SOURCES) {
      const declared = Object.keys(schema.functions[token(source.name)]!.inputs.properties);
      await expect(source.query({ bogus: 1 }, { env: {} }), source.name).rejects.toThrow(
        `Invalid argument "bogus": unknown argument of ${source.name}; known arguments: ${declared.join(", ")}`,
      );
    }
  });
});
