// Runs in a fresh plain-Node process: loads the product's client entry point (`pulumi-huaweicloud-rds-offsite/client`,
// the compiled dist/) and makes one restore-range lookup, printing "answered" the moment it answers; the bench times
// the process from its start to that line, as it times the Go peer's `first` mode. Usage:
// node firstCallProbe.cjs '<json: { stackConfig, instanceId }>'
"use strict";
const input = process.argv[2];
if (input === undefined) throw new Error("usage: node firstCallProbe.cjs '<json>'");
/** @type {{ stackConfig: Record<string, string>, instanceId: string }} */
const { stackConfig, instanceId } = JSON.parse(input);
const client = require("pulumi-huaweicloud-rds-offsite/client");

client.getOffsiteRestoreTimeRanges({ instanceId }, { env: {}, stackConfig: (key) => stackConfig[key] }).then(
  () => process.stdout.write("answered\n"),
  (error) => {
    process.stderr.write(`first lookup failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
