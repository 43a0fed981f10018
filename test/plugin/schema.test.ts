/**
 * schema/schema.json is what the plugin answers and what the SDKs are generated from: it must be the schema the data
 * source definitions give today, and the definitions must name exactly the arguments the core validates.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { schemaText, token } from "../../plugin/schema";
import { PLUGIN_VERSION } from "../../plugin/version";
import { DATA_SOURCES } from "../../sdk/definitions";
import {
  CHECK_RESTORE_TIME_ARG_KEYS,
  OFFSITE_BACKUP_INSTANCES_ARG_KEYS,
  OFFSITE_RESTORE_TIME_RANGES_ARG_KEYS,
} from "../../sdk/queries/validateQueryArgs";

const repoRoot = path.resolve(__dirname, "..", "..");

describe("schema/schema.json", () => {
  it("is the schema the definitions give (run `npm run sdks` after changing a definition)", () => {
    const committed = fs.readFileSync(path.join(repoRoot, "schema", "schema.json"), "utf8");
    expect(committed).toBe(schemaText(PLUGIN_VERSION));
  });

  it("declares each data source's arguments exactly as its validation accepts them", () => {
    const validated: Record<string, readonly string[]> = {
      getOffsiteBackupInstances: OFFSITE_BACKUP_INSTANCES_ARG_KEYS,
      getOffsiteRestoreTimeRanges: OFFSITE_RESTORE_TIME_RANGES_ARG_KEYS,
      checkRestoreTime: CHECK_RESTORE_TIME_ARG_KEYS,
    };
    const schema = JSON.parse(schemaText(PLUGIN_VERSION)) as {
      functions: Record<string, { inputs: { properties: Record<string, unknown> } }>;
    };
    expect(Object.keys(schema.functions)).toEqual(DATA_SOURCES.map((source) => token(source.name)));
    for (const source of DATA_SOURCES) {
      const declared = Object.keys(schema.functions[token(source.name)]!.inputs.properties);
      expect([...declared].sort(), source.name).toEqual([...(validated[source.name] ?? [])].sort());
    }
  });
});
