#!/usr/bin/env node
// `rds-offsite` / `pulumi-huaweicloud-rds-offsite`: the command-line surface. It loads the Pulumi-free core only,
// so it starts fast and runs where @pulumi/pulumi is not installed.
import { setFlagsFromString } from "node:v8";
import { outside } from "./output";
import { runCli } from "./runCli";

// On Node.js 20 (V8 11), undici's HTTP parser (llhttp, WebAssembly) is sent to V8's optimizing compiler once one
// answer has been parsed, and the process waits for that compilation (~80 ms of a core) before it can exit, even
// through process.exit: a third of a one-lookup command (Node.js 22 and 24 exit at once). A command parses a few
// answers, or a few hundred, and V8's baseline code parses them well enough: the budget before the parser is optimized
// is raised, not removed. Set before the first connection, when undici compiles the parser; no command-line flag
// would do, as `rds-offsite` is started through its shebang.
if (process.versions.v8.startsWith("11.")) setFlagsFromString("--wasm-tiering-budget=100000000");

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
