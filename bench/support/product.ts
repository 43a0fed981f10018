import fs from "node:fs";
import path from "node:path";
import type { ConfigurationLookup } from "../../src/core/dataSources/configurationLookup";

export const repoRoot = path.resolve(__dirname, "..", "..");

/**
 * The product as users run it: the compiled `dist/` that `npm run bench` builds first, loaded by Node (not by tsx
 * from the sources). Deep paths because the queries and the signer are not in the package's public exports.
 */
function fromDist<T>(relative: string, root = repoRoot): T {
  const file = path.join(root, "dist", relative);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npm run bench\` (it builds first)`);
  return require(file) as T;
}

export const product = {
  queries: () => ({
    ...fromDist<typeof import("../../src/core/dataSources/getOffsiteBackupInstances")>(
      "core/dataSources/getOffsiteBackupInstances.js",
    ),
    ...fromDist<typeof import("../../src/core/dataSources/getOffsiteRestoreTimeRanges")>(
      "core/dataSources/getOffsiteRestoreTimeRanges.js",
    ),
    ...fromDist<typeof import("../../src/core/dataSources/getOffsiteRecoveryReadiness")>(
      "core/dataSources/getOffsiteRecoveryReadiness.js",
    ),
  }),
  signing: () => fromDist<typeof import("../../src/core/client/signer")>("core/client/signer/index.js"),
  /** The public entry point, by package name, exactly as a Pulumi program requires it. */
  index: () => require("pulumi-huaweicloud-rds-offsite") as typeof import("../../src/pulumi"),
};

/** The readiness scan of another build of the product (a baseline checkout with a built `dist/`). */
export function queriesAt(root: string) {
  return fromDist<typeof import("../../src/core/dataSources/getOffsiteRecoveryReadiness")>(
    "core/dataSources/getOffsiteRecoveryReadiness.js",
    path.resolve(root),
  );
}

/** What a client needs to reach the emulator (the same for the product and the baselines). */
export interface EmulatorTarget {
  url: string;
  credentials: { accessKey: string; secretKey: string };
  projects: Record<string, string>;
}

/**
 * Stack-config style settings pointing at the emulator. The project id is given, so every client makes only the
 * listing requests (no IAM lookup), and `env` is empty so the caller's HW_* variables cannot change the figures.
 */
export function emulatorLookup(
  target: EmulatorTarget,
  region: string,
  extra: Record<string, string> = {},
): ConfigurationLookup {
  const projectId = target.projects[region];
  if (projectId === undefined) throw new Error(`the emulator has no project for ${region}`);
  const config: Record<string, string> = {
    region,
    projectId,
    accessKey: target.credentials.accessKey,
    secretKey: target.credentials.secretKey,
    rdsEndpoint: target.url,
    iamEndpoint: target.url,
    ...extra,
  };
  return { env: {}, stackConfig: (key) => config[key] };
}
