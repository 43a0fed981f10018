import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/** What the plugin takes from package.json: its version, its source repository and where its releases are published. */
export interface ReleaseManifest {
  version: string;
  repository: { url: string };
  config: { pluginDownloadURL: string };
}

/** Set by the self-contained plugin's bundler (scripts/release/bundlePlugin.mjs), which has no package.json beside it. */
declare const BUNDLED_RELEASE_MANIFEST: ReleaseManifest | undefined;

/** package.json's release fields: two levels up from src/plugin/ (tsx) or dist/plugin/ (built). */
function readManifest(): ReleaseManifest {
  const file = path.join(__dirname, "..", "..", "package.json");
  if (!existsSync(file)) throw new Error(`no package.json above ${__dirname}`);
  const { version, repository, config } = JSON.parse(readFileSync(file, "utf8")) as ReleaseManifest;
  return { version, repository, config };
}

export const RELEASE: ReleaseManifest =
  typeof BUNDLED_RELEASE_MANIFEST === "object" ? BUNDLED_RELEASE_MANIFEST : readManifest();

/** This package's version, which is the plugin's: the engine matches it against the version the SDKs ask for. */
export const PLUGIN_VERSION: string = RELEASE.version;

/**
 * Where the engine downloads the plugin from when a program needs it and it is not installed: package.json's
 * `config.pluginDownloadURL`, a URL the engine completes with `/pulumi-resource-<name>-v<version>-<os>-<arch>.tar.gz`
 * after replacing `${VERSION}` (GitHub releases: `https://github.com/<owner>/<repo>/releases/download/v${VERSION}`).
 */
export const PLUGIN_DOWNLOAD_URL: string = RELEASE.config.pluginDownloadURL;

/** The repository as `github.com/<owner>/<repo>` (package.json's `repository.url`): the Go SDK's module path prefix. */
export const REPOSITORY_PATH: string = RELEASE.repository.url
  .replace(/^git\+/, "")
  .replace(/^https:\/\//, "")
  .replace(/\.git$/, "");
