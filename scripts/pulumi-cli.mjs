#!/usr/bin/env node
// `npm run pulumi -- <args>`: the Pulumi CLI with its Node language host, provisioned on first use (see
// scripts/pulumi-cli/provision.mjs), run in the directory you typed the command in (npm's INIT_CWD), so it works in
// every project directory of the repository: the root (the demo) and each example.
//
// The CLI runs offline and login-free unless you set these yourself: PULUMI_SKIP_UPDATE_CHECK=true,
// PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION=true, PULUMI_HOME and PULUMI_BACKEND_URL=file://… under
// the cache directory ($RDS_OFFSITE_CACHE_DIR, else ${XDG_CACHE_HOME:-~/.cache}/pulumi-huaweicloud-rds-offsite/), and a
// fixed development PULUMI_CONFIG_PASSPHRASE.
// PATH starts with the CLI's directory (which holds the language host), then the directory of @pulumi/pulumi (which
// holds the `pulumi-resource-pulumi-nodejs` dynamic provider shim).
//
// Extra, non-Pulumi flag: `npm run pulumi -- --provision-info` prints what was provisioned as JSON and exits.

import { spawn } from "node:child_process";
import { ensurePulumiCli, PulumiCliProvisionError, pulumiEnv, pulumiEnvOverrides } from "./pulumi-cli/provision.mjs";

const args = process.argv.slice(2);

let cli;
try {
  cli = await ensurePulumiCli();
} catch (e) {
  process.stderr.write(
    `${e instanceof PulumiCliProvisionError ? e.message : e instanceof Error ? e.stack : String(e)}\n`,
  );
  process.exit(1);
}

// npm runs scripts in the package's directory; INIT_CWD is where the command was typed (only trusted under our own
// script name: a process started by another npm script inherits that script's INIT_CWD).
const cwd = (process.env.npm_lifecycle_event === "pulumi" && process.env.INIT_CWD) || process.cwd();

if (args[0] === "--provision-info") {
  process.stdout.write(`${JSON.stringify({ ...cli, env: pulumiEnvOverrides({ cli, projectDir: cwd }) }, null, 2)}\n`);
  process.exit(0);
}
const child = spawn(cli.pulumiPath, args, { cwd, stdio: "inherit", env: pulumiEnv({ cli, projectDir: cwd }) });
for (const sig of /** @type {const} */ (["SIGINT", "SIGTERM", "SIGHUP"])) {
  process.on(sig, () => child.kill(sig));
}
child.on("error", (e) => {
  process.stderr.write(`cannot run ${cli.pulumiPath}: ${e.message}\n`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  process.exit(code ?? (signal ? 128 : 1));
});
