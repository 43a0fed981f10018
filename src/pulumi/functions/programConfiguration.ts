import * as pulumi from "@pulumi/pulumi";
import {
  PACKAGE_CONFIG_NAMESPACE,
  PROVIDER_CONFIG_NAMESPACE,
  unknownPackageSetting,
} from "../../core/client/settings/stackConfigKeys";
import type { ConfigurationLookup } from "../../core/dataSources/configurationLookup";

/**
 * In a Pulumi program: stack config `huaweicloud-rds-offsite:*`, then `huaweicloud:*` (secrets arrive decrypted),
 * then the program's environment. A key of this package's namespace that is no setting of it is refused by name.
 */
export function programConfiguration(): ConfigurationLookup {
  const misspelt = unknownPackageSetting(Object.keys(pulumi.runtime.allConfig()));
  if (misspelt !== undefined) throw misspelt;
  const own = new pulumi.Config(PACKAGE_CONFIG_NAMESPACE);
  const provider = new pulumi.Config(PROVIDER_CONFIG_NAMESPACE);
  return { stackConfig: (key) => own.get(key), providerConfig: (key) => provider.get(key), env: process.env };
}
