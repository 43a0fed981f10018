// `npm start`: `pulumi preview` of the demo project (Pulumi.yaml at the repository root, demo/index.ts), run by the
// Pulumi CLI and its Node language host in the repository root against the built-in emulator — no account, no login,
// no credentials of yours. A fresh stack in a temporary file backend each time, so what you see is the first preview
// of a new stack: the case restore gating depends on.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startEmulator } from "../emulator";

const root = path.resolve(__dirname, "..");
const STACK = "demo";

async function main() {
  const emulator = await startEmulator({ seed: 7 });
  const stateDir = fs.mkdtempSync(path.join(os.tmpdir(), "rds-offsite-demo-"));
  process.stdout.write(`Emulator of Huawei Cloud RDS + IAM listening on ${emulator.url}\n\n`);
  // The region comes from Pulumi.yaml; credentials and endpoints from the environment (see README, Configuration).
  const env = {
    ...process.env,
    PULUMI_BACKEND_URL: `file://${stateDir}`,
    HW_ACCESS_KEY: emulator.credentials.accessKey,
    HW_SECRET_KEY: emulator.credentials.secretKey,
    HW_RDS_ENDPOINT: emulator.url,
    HW_IAM_ENDPOINT: emulator.url,
  };
  // Asynchronous: the emulator answers in this process while the CLI runs.
  const pulumi = (...args: string[]) =>
    new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [path.join(root, "scripts/pulumi-cli.mjs"), ...args], {
        cwd: root,
        env,
        stdio: "inherit",
      });
      child.on("error", reject);
      child.on("exit", (code) => resolve(code ?? 1));
    });
  try {
    if ((await pulumi("stack", "init", STACK)) !== 0) throw new Error("pulumi stack init failed");
    const exitCode = await pulumi("preview", "--stack", STACK);
    const counts = new Map<string, number>();
    for (const entry of emulator.requests) counts.set(entry.operation, (counts.get(entry.operation) ?? 0) + 1);
    const breakdown = [...counts].map(([operation, count]) => `${count} ${operation}`).join(", ");
    process.stdout.write(
      `\nThe emulator verified and answered ${emulator.requests.length} signed requests (${breakdown}), at most ${emulator.maxInFlight} at once.\n`,
    );
    if (exitCode !== 0) throw new Error(`pulumi preview exited with ${exitCode}`);
  } finally {
    await emulator.close();
    fs.rmSync(stateDir, { recursive: true, force: true });
    fs.rmSync(path.join(root, `Pulumi.${STACK}.yaml`), { force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
