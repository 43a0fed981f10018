#!/usr/bin/env node
// `npm run pulumi -- <args>`: run the Pulumi CLI, provisioning it on first use (see scripts/pulumi-cli/provision.mjs).
//
// The CLI runs offline and login-free unless you set these yourself: PULUMI_SKIP_UPDATE_CHECK=true,
// PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true, PULUMI_HOME and PULUMI_BACKEND_URL=file://… under
// ${XDG_CACHE_HOME:-~/.cache}/pulumi-huaweicloud-rds-offsite/, and a fixed development PULUMI_CONFIG_PASSPHRASE.
// The directory of @pulumi/pulumi (which holds the `pulumi-resource-pulumi-nodejs` dynamic provider shim) is put on
// PATH after the CLI's own directory.
//
// Extra, non-Pulumi flag: `npm run pulumi -- --provision-info` prints what was provisioned as JSON and exits.

import { spawn } from "node:child_process";
import { ensurePulumiCli, PulumiCliProvisionError, pulumiEnv, pulumiEnvOverrides } from "./pulumi-cli/provision.mjs";

const args = process.argv.slice(2);

let cli;
try {
  cli = await ensurePulumiCli();
} catch (e) {
  process.stderr.write(`${e instanceof PulumiCliProvisionError ? e.message : (e?.stack ?? String(e))}\n`);
  process.exit(1);
}

if (args[0] === "--provision-info") {
  const env = pulumiEnvOverrides({ cli });
  process.stdout.write(`${JSON.stringify({ ...cli, env }, null, 2)}\n`);
  process.exit(0);
}

const child = spawn(cli.pulumiPath, args, { stdio: "inherit", env: pulumiEnv({ cli }) });
for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
  process.on(sig, () => child.kill(sig));
}
child.on("error", (e) => {
  process.stderr.write(`cannot run ${cli.pulumiPath}: ${e.message}\n`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 128 : 1));
});
