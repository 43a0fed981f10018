/**
 * schema/schema.json is what the plugin answers and what the SDKs are generated from: it must be the schema the data
 * source definitions give today, and it must offer the arguments a user writes — the ones written out below, which the
 * README documents and programs already pass — with the same names in the generated Go SDK and in the error that
 * names an unknown argument. A definition that renames, drops, adds or un-requires an argument fails here.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DATA_SOURCES } from "../../src/core/dataSources";
import { schemaText, token } from "../../src/plugin/schema";
import { PLUGIN_VERSION } from "../../src/plugin/version";

const repoRoot = path.resolve(__dirname, "..", "..");

/** Where a data source looks: the region, its project, and the filters of the offsite backup listing. */
const LISTING = [
  "region",
  "projectId",
  "instanceId",
  "name",
  "sourceRegion",
  "sourceProjectId",
  "destinationRegion",
  "destinationProjectId",
  "datastoreType",
  "keepDays",
];

/** The arguments of each data source as users write them, in the order the validation error lists them. */
const USER_ARGUMENTS: Record<string, { arguments: string[]; required: string[] }> = {
  getOffsiteBackupInstances: { arguments: LISTING, required: [] },
  getOffsiteRestoreTimeRanges: { arguments: ["region", "projectId", "instanceId", "date"], required: ["instanceId"] },
  checkRestoreTime: {
    arguments: ["region", "projectId", "instanceId", "restoreTime", "onUnavailable"],
    required: ["instanceId", "restoreTime"],
  },
  getOffsiteRecoveryReadiness: {
    arguments: [...LISTING, "maxLag", "minCoverage", "minGap", "asOf"],
    required: [],
  },
};

type SchemaFunction = { inputs: { properties: Record<string, unknown>; required?: string[] } };
const schemaFunctions = () =>
  (JSON.parse(schemaText(PLUGIN_VERSION)) as { functions: Record<string, SchemaFunction> }).functions;

/** The `pulumi:"…"` fields of a generated Go `<Name>Args` struct, and which of them are required (not pointers). */
function goArgs(name: string): { fields: string[]; required: string[] } {
  const file = path.join(repoRoot, "sdks", "go", "huaweicloudrdsoffsite", `${name}.go`);
  const struct = new RegExp(`^type ${name[0]!.toUpperCase()}${name.slice(1)}Args struct \\{\\n([\\s\\S]*?)^\\}`, "m");
  const body = struct.exec(fs.readFileSync(file, "utf8"))?.[1] ?? "";
  const fields = [...body.matchAll(/^\t\w+ (\*?)\S+ `pulumi:"(\w+)"`$/gm)];
  return {
    fields: fields.map((field) => field[2]!),
    required: fields.filter((field) => field[1] === "").map((field) => field[2]!),
  };
}

const sorted = (names: string[]) => [...names].sort();

describe("schema/schema.json", () => {
  it("is the schema the definitions give (run `npm run sdks` after changing a definition)", () => {
    const committed = fs.readFileSync(path.join(repoRoot, "schema", "schema.json"), "utf8");
    expect(committed).toBe(schemaText(PLUGIN_VERSION));
  });

  it("offers the data sources users call, each with the arguments they write and the same ones required", () => {
    const functions = schemaFunctions();
    expect(Object.keys(functions)).toEqual(Object.keys(USER_ARGUMENTS).map(token));
    for (const [name, expected] of Object.entries(USER_ARGUMENTS)) {
      const inputs = functions[token(name)]!.inputs;
      expect(sorted(Object.keys(inputs.properties)), name).toEqual(sorted(expected.arguments));
      expect(sorted(inputs.required ?? []), name).toEqual(sorted(expected.required));
    }
  });

  it("gives the generated Go SDK the same arguments, the required ones as plain (non-pointer) fields", () => {
    for (const [name, expected] of Object.entries(USER_ARGUMENTS)) {
      const go = goArgs(name);
      expect(sorted(go.fields), name).toEqual(sorted(expected.arguments));
      expect(sorted(go.required), name).toEqual(sorted(expected.required));
    }
  });

  it("names those arguments, and only those, when a program passes an unknown one", async () => {
    expect(DATA_SOURCES.map((source) => source.name)).toEqual(Object.keys(USER_ARGUMENTS));
    for (const source of DATA_SOURCES) {
      const known = USER_ARGUMENTS[source.name]!.arguments;
      await expect(source.query({ bogus: 1 }, { env: {} }), source.name).rejects.toThrow(
        `Invalid argument "bogus": unknown argument of ${source.name}; known arguments: ${known.join(", ")}`,
      );
    }
  });
});
