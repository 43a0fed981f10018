import { ensurePluginTarball } from "../../../scripts/release/pluginExecutable.mjs";

let tarball: Promise<string> | undefined;

/**
 * The provider plugin's release tarball of today's sources (the self-contained executable `npm run dist` ships),
 * from the cache or built into it once per test file.
 */
export function pluginTarball(): Promise<string> {
  tarball ??= ensurePluginTarball();
  return tarball;
}
