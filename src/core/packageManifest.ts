import { readFileSync } from "node:fs";
import path from "node:path";

/** What the package's surfaces take from its package.json: its version, its repository, where releases are published. */
export interface PackageManifest {
  version: string;
  repository: { url: string };
  config: { pluginDownloadURL: string };
}

export const PACKAGE_NAME = "pulumi-huaweicloud-rds-offsite";

/** Set by the self-contained plugin's bundler (scripts/release/bundlePlugin.mjs), which has no package.json beside it. */
declare const BUNDLED_RELEASE_MANIFEST: PackageManifest | undefined;

/** package.json two levels up from src/core/ (tsx) or dist/core/ (built), when it is this package's. */
function readPackageJson(): PackageManifest | undefined {
  try {
    const file = path.join(__dirname, "..", "..", "package.json");
    const { name, version, repository, config } = JSON.parse(readFileSync(file, "utf8")) as PackageManifest & {
      name?: unknown;
    };
    return name === PACKAGE_NAME && typeof version === "string" ? { version, repository, config } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This package's manifest, read once for every surface (the plugin's version and download URL, the command's
 * `--version`, the client's `User-Agent`): the bundler's copy, else package.json; undefined when the files were copied
 * somewhere without it.
 */
export const PACKAGE_MANIFEST: PackageManifest | undefined =
  typeof BUNDLED_RELEASE_MANIFEST === "object" ? BUNDLED_RELEASE_MANIFEST : readPackageJson();
