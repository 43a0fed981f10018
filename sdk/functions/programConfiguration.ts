import * as pulumi from "@pulumi/pulumi";
import { STACK_CONFIG_NAMESPACE } from "../client/config/stackConfigKeys";
import type { ConfigurationLookup } from "../queries/configurationLookup";

/** In a Pulumi program: stack config `huaweicloud:*` (secrets arrive decrypted), then the program's environment. */
export function programConfiguration(): ConfigurationLookup {
  const config = new pulumi.Config(STACK_CONFIG_NAMESPACE);
  return { stackConfig: (key) => config.get(key), env: process.env };
}
