// The provider plugin `pulumi-resource-huaweicloud-rds-offsite`, started by the Pulumi engine for programs in any
// language (bin/pulumi-resource-huaweicloud-rds-offsite runs this file with Node).
import { serveConfigured } from "./configuredServer";
import { engineWarn } from "./engineLog";
import { pluginProvider } from "./pluginProvider";
import { PLUGIN_VERSION } from "./version";

const args = process.argv.slice(2);
serveConfigured(pluginProvider(PLUGIN_VERSION, process.env, engineWarn(args)), args).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
