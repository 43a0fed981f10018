// `npm run schema`: writes schema/schema.json from the data source definitions (see plugin/schema.ts).
import fs from "node:fs";
import path from "node:path";
import { schemaText } from "../plugin/schema";
import { PLUGIN_VERSION } from "../plugin/version";

const target = path.resolve(__dirname, "..", "schema", "schema.json");
fs.writeFileSync(target, schemaText(PLUGIN_VERSION));
process.stdout.write(`wrote ${path.relative(process.cwd(), target)}\n`);
