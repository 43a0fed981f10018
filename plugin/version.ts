import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

// plugin/ in the sources (tsx), dist/plugin/ once built: the package's package.json is one or two levels up.
const manifest = [path.join(__dirname, "..", "package.json"), path.join(__dirname, "..", "..", "package.json")].find(
  (candidate) => existsSync(candidate),
);

/** This package's version, which is the plugin's: the engine matches it against the version the SDKs ask for. */
export const PLUGIN_VERSION: string = manifest
  ? String((JSON.parse(readFileSync(manifest, "utf8")) as { version: unknown }).version)
  : "0.0.0";
