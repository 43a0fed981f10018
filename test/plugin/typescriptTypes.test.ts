/**
 * src/core/dataSources/types.ts (the TypeScript argument and result types, with the TSDoc users see) is generated from the data
 * source definitions, like schema/schema.json: the committed file must be what the definitions give today.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TYPES_PATH, typescriptTypesText } from "../../scripts/typescriptTypes";

const repoRoot = path.resolve(__dirname, "..", "..");

describe("src/core/dataSources/types.ts", () => {
  it("is the text the definitions give (run `npm run schema` after changing a definition)", () => {
    const committed = fs.readFileSync(path.join(repoRoot, TYPES_PATH), "utf8");
    expect(committed, `${TYPES_PATH} is stale: run npm run schema`).toBe(typescriptTypesText());
  });

  it("documents every field with its definition's description", () => {
    expect(typescriptTypesText()).toContain(
      [
        "export interface GetOffsiteRestoreTimeRangesArgs extends RegionArgs {",
        "  /** Id of the DB instance whose cross-region backup is queried. */",
        "  instanceId: string;",
        "  /** A UTC day, `yyyy-mm-dd`: only ranges overlapping it. Advised for long retention periods. */",
        "  date?: string;",
        "}",
      ].join("\n"),
    );
  });
});
