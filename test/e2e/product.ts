import { createRequire } from "node:module";
import path from "node:path";
import { repoRoot } from "./harness";

/**
 * The package as a user's program loads it: the built `dist`, through the package name, by Node itself (not
 * transformed by Vite), so the provider objects serialize exactly as in a real program.
 */
export const product = createRequire(path.join(repoRoot, "package.json"))(
  "pulumi-huaweicloud-rds-offsite",
) as typeof import("../../src/pulumi");
