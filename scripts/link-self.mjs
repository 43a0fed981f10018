#!/usr/bin/env node
// Links this package into its own node_modules, so the demo, the examples and the Pulumi dynamic-provider process
// (which loads `pulumi-huaweicloud-rds-offsite/provider` from the program's directory; the serialized provider
// cannot use package self-reference) resolve it exactly as an installed dependency. Run by `npm run prepare`.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { name } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const link = path.join(root, "node_modules", name);

export function linkSelf() {
  try {
    if (fs.readlinkSync(link) === "..") return;
    fs.rmSync(link, { recursive: true, force: true });
  } catch (caught) {
    const error = /** @type {NodeJS.ErrnoException} */ (caught);
    if (error.code === "EINVAL") fs.rmSync(link, { recursive: true, force: true });
    else if (error.code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync("..", link, "dir");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) linkSelf();
