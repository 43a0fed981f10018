// The provider plugin `pulumi-resource-huaweicloud-rds-offsite`, started by the Pulumi engine for programs in any
// language (bin/pulumi-resource-huaweicloud-rds-offsite runs this file with Node).
import { serveConfigured } from "./configuredServer";
import { pluginProvider } from "./pluginProvider";
import { PLUGIN_VERSION } from "./version";

serveConfigured(pluginProvider(PLUGIN_VERSION), process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
