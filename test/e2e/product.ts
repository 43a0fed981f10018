import { createRequire } from "node:module";
import path from "node:path";
import { type Emulator, startEmulator } from "../../emulator";
import { type ConfigInput, repoRoot } from "./harness";

/**
 * The package as a user's program loads it: the built `dist`, through the package name, by Node itself (not
 * transformed by Vite), so the provider objects serialize exactly as in a real program.
 */
export const product = createRequire(path.join(repoRoot, "package.json"))(
  "pulumi-huaweicloud-rds-offsite",
) as typeof import("../../src/pulumi");

/** Stack config that points both the program and the provider process at the emulator; the secret key as a secret. */
export function emulatorConfig(emulator: Emulator, region = "ap-southeast-1"): Record<string, ConfigInput> {
  return {
    "huaweicloud:region": region,
    "huaweicloud:accessKey": emulator.credentials.accessKey,
    "huaweicloud:secretKey": { value: emulator.credentials.secretKey, secret: true },
    "huaweicloud-rds-offsite:rdsEndpoint": emulator.url,
    "huaweicloud-rds-offsite:iamEndpoint": emulator.url,
  };
}

/** The gate tests' emulator: five instances at a fixed time; the first one's latest restorable moment. */
export async function startGateEmulator(): Promise<{ emulator: Emulator; instanceId: string; latest: number }> {
  const emulator = await startEmulator({ regions: { "ap-southeast-1": 5 }, anchorTime: Date.UTC(2026, 10, 20, 12) });
  const instanceId = emulator.dataset.instances("ap-southeast-1")[0]!.id;
  const latest = Math.max(...emulator.dataset.restoreRanges(instanceId).map((range) => range.end_time));
  return { emulator, instanceId, latest };
}
