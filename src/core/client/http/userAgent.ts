import { readFileSync } from "node:fs";
import path from "node:path";

/** Set by the self-contained plugin's bundler (scripts/release/bundlePlugin.mjs), which has no package.json beside it. */
declare const BUNDLED_RELEASE_MANIFEST: { version: string } | undefined;

const PACKAGE_NAME = "pulumi-huaweicloud-rds-offsite";

/** This package's version: from the bundler, else package.json four levels up from src/ or dist/core/client/http/. */
function packageVersion(): string | undefined {
  if (typeof BUNDLED_RELEASE_MANIFEST === "object") return BUNDLED_RELEASE_MANIFEST.version;
  try {
    const file = path.join(__dirname, "..", "..", "..", "..", "package.json");
    const manifest = JSON.parse(readFileSync(file, "utf8")) as { name?: unknown; version?: unknown };
    return manifest.name === PACKAGE_NAME && typeof manifest.version === "string" ? manifest.version : undefined;
  } catch {
    // Copied somewhere without its package.json: the name alone still says which client sent the request.
    return undefined;
  }
}

const version = packageVersion();

/**
 * The `User-Agent` of every request, `pulumi-huaweicloud-rds-offsite/<version>`, read once: Huawei's own SDKs name
 * themselves the same way, so the API's operators (and a support ticket's request id) can tell which client sent a
 * request. It is not signed (Huawei's SDKs do not sign it either), so a proxy that rewrites it breaks nothing.
 */
export const USER_AGENT = version === undefined ? PACKAGE_NAME : `${PACKAGE_NAME}/${version}`;
