// `npm run schema`: writes schema/schema.json (see plugin/schema.ts) and the TypeScript types sdk/queries/types.ts (see
// scripts/typescriptTypes.ts) from the data source definitions.
import fs from "node:fs";
import path from "node:path";
import { schemaText } from "../plugin/schema";
import { PLUGIN_VERSION } from "../plugin/version";
import { TYPES_PATH, typescriptTypesText } from "./typescriptTypes";

const repoRoot = path.resolve(__dirname, "..");
const outputs: [string, string][] = [
  [path.join(repoRoot, "schema", "schema.json"), schemaText(PLUGIN_VERSION)],
  [path.join(repoRoot, TYPES_PATH), typescriptTypesText()],
];
for (const [target, text] of outputs) {
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
