// `npm run ci-gate`: the CI step gate.sh, run against the built-in emulator (no account, no credentials of yours)
// for a restorable time (an hour before the latest restorable moment) and an unrestorable one (a day after it).
import { spawn } from "node:child_process";
import path from "node:path";
import { startEmulator } from "../../emulator";

const REGION = "ap-southeast-1";
const gateScript = path.join(__dirname, "gate.sh");
const builtCommand = path.resolve(__dirname, "..", "..", "dist", "cli", "main.js");

/** Runs gate.sh as a CI job would, echoing the step's variables first; resolves to its exit status. */
function runGate(step: Record<string, string>, connection: Record<string, string>): Promise<number | null> {
  const shown = Object.entries(step).map(([key, value]) => `${key}=${value}`);
  process.stdout.write(`\n$ ${shown.join(" ")} examples/ci-gate/gate.sh\n`);
  return new Promise((resolve, reject) => {
    const child = spawn("bash", [gateScript], { stdio: "inherit", env: { ...process.env, ...connection, ...step } });
    child.once("error", reject);
    child.once("exit", (status) => {
      process.stdout.write(`(exit status ${status})\n`);
      resolve(status);
    });
  });
}

async function main() {
  const emulator = await startEmulator({ seed: 7, regions: { [REGION]: 12 } });
  process.stdout.write(`Emulator of Huawei Cloud RDS + IAM listening on ${emulator.url}\n`);
  const connection = {
    HW_REGION_NAME: REGION,
    HW_ACCESS_KEY: emulator.credentials.accessKey,
    HW_SECRET_KEY: emulator.credentials.secretKey,
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
    RDS_OFFSITE: `${process.execPath} ${builtCommand}`,
  };
  try {
    const { id } = emulator.dataset.instances(REGION)[0]!;
    const latest = Math.max(...emulator.dataset.restoreRanges(id).map((range) => range.end_time));
    const go = await runGate({ INSTANCE_ID: id, RESTORE_TIME: new Date(latest - 3_600_000).toISOString() }, connection);
    const stop = await runGate(
      { INSTANCE_ID: id, RESTORE_TIME: new Date(latest + 86_400_000).toISOString() },
      connection,
    );
    if (go !== 0 || stop !== 1) throw new Error(`expected exit statuses 0 then 1, got ${go} then ${stop}`);
  } finally {
    await emulator.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
