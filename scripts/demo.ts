// `npm start`: the demo program (Pulumi.yaml at the repository root) previewed by the real Pulumi engine against the
// built-in emulator — no account, no login, no credentials of yours. A fresh stack each time, so what you see is the
// first preview of a new stack: the case restore gating depends on.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "../emulator";
import { runProgram } from "./run-program";

async function main() {
  const emulator = await startEmulator({ seed: 7 });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-offsite-demo-"));
  process.stdout.write(`Emulator of Huawei Cloud RDS + IAM listening on ${emulator.url}\n\n`);
  try {
    await runProgram({
      dir: path.resolve(__dirname, ".."),
      operation: "preview",
      stateDir,
      config: {
        "huaweicloud:region": { value: "ap-southeast-1" },
        "huaweicloud:accessKey": { value: emulator.credentials.accessKey },
        "huaweicloud:secretKey": { value: emulator.credentials.secretKey, secret: true },
        "huaweicloud-rds-offsite:rdsEndpoint": { value: emulator.url },
        "huaweicloud-rds-offsite:iamEndpoint": { value: emulator.url },
      },
    });
    const counts = new Map<string, number>();
    for (const entry of emulator.requests) counts.set(entry.operation, (counts.get(entry.operation) ?? 0) + 1);
    const breakdown = [...counts].map(([operation, count]) => `${count} ${operation}`).join(", ");
    process.stdout.write(
      `\nThe emulator verified and answered ${emulator.requests.length} signed requests (${breakdown}), at most ${emulator.maxInFlight} at once.\n`,
    );
  } finally {
    await emulator.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
