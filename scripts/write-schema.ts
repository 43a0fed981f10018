// `npm run schema`: writes schema/schema.json (see plugin/schema.ts), the TypeScript types src/core/dataSources/types.ts (see
// scripts/typescriptTypes.ts) and the API reference docs/api/ (see scripts/apiDocs.ts) from the data source definitions.
import fs from "node:fs";
import path from "node:path";
import { packageSchema, schemaText } from "../src/plugin/schema";
import { PLUGIN_VERSION } from "../src/plugin/version";
import { API_DOCS_DIR, apiDocs } from "./apiDocs";
import { TYPES_PATH, typescriptTypesText } from "./typescriptTypes";

const repoRoot = path.resolve(__dirname, "..");
const outputs: [string, string][] = [
  [path.join(repoRoot, "schema", "schema.json"), schemaText(PLUGIN_VERSION)],
  [path.join(repoRoot, TYPES_PATH), typescriptTypesText()],
  ...[...apiDocs(packageSchema(PLUGIN_VERSION))].map(([file, text]): [string, string] => [
    path.join(repoRoot, file),
    text,
  ]),
];
fs.rmSync(path.join(repoRoot, API_DOCS_DIR), { recursive: true, force: true });
for (const [target, text] of outputs) {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, text);
  process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
}
