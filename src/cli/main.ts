#!/usr/bin/env node
// `rds-offsite` / `pulumi-huaweicloud-rds-offsite`: the command-line surface. It loads the Pulumi-free core only,
// so it starts fast and runs where @pulumi/pulumi is not installed.
import { outside } from "./output";
import { runCli } from "./runCli";

// `rds-offsite instances | head -1` closes stdout early: that is the reader's choice, not an error to report.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env })
  .catch((error: unknown) => {
    process.stderr.write(`Unexpected error: ${outside(error instanceof Error ? error.message : String(error))}\n`);
    return 3;
  })
  .then((status) => {
    // The answer is out: exit once both streams are flushed, rather than waiting for idle keep-alive connections
    // to the API to time out.
    process.stdout.write("", () => process.stderr.write("", () => process.exit(status)));
  });
