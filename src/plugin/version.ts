import { PACKAGE_MANIFEST, type PackageManifest } from "../core/packageManifest";

/** What the plugin takes from package.json: its version, its source repository and where its releases are published. */
export const RELEASE: PackageManifest = PACKAGE_MANIFEST ?? missingManifest();

function missingManifest(): never {
  throw new Error(`no package.json of pulumi-huaweicloud-rds-offsite above ${__dirname}`);
}

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
