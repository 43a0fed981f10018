// The emulator in a process of its own: a real API does not share the client's CPU or event loop, and on 2 cores the
// emulator's work (signature checks with Huawei's signer, JSON encoding) would otherwise be charged to the client.
import { type Emulator, startEmulator } from "../../emulator";
import type {
  EmulatorCommand,
  EmulatorProcessOptions,
  EmulatorReady,
  EmulatorReply,
  EmulatorStats,
} from "./emulatorProtocol";

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? "{}") as EmulatorProcessOptions;
  const emulator = await startEmulator({
    seed: 1,
    regions: options.regions,
    latencyMs: options.latencyMs,
    ...(options.rateLimit ? { rateLimit: options.rateLimit } : {}),
  });
  let cpuAtReset = process.cpuUsage();
  const send = (message: EmulatorReady | EmulatorReply) => process.send?.(message);

  process.on("message", (command: EmulatorCommand) => {
    try {
      send({ id: command.id, result: run(emulator, command) });
    } catch (error) {
      send({ id: command.id, error: error instanceof Error ? error.message : String(error) });
    }
  });
  // The bench ended (or crashed): never outlive it.
  process.on("disconnect", () => void emulator.close().finally(() => process.exit(0)));

  function run(target: Emulator, command: EmulatorCommand): unknown {
    switch (command.op) {
      case "stats":
        return statsOf(target, cpuAtReset);
      case "reset":
        target.resetStats();
        cpuAtReset = process.cpuUsage();
        return null;
      case "latency":
        target.setLatency(command.ms);
        return null;
      case "instanceIds":
        return target.dataset
          .instances(command.region)
          .slice(0, command.count)
          .map((instance) => instance.id);
    }
  }

  send({ type: "ready", url: emulator.url, credentials: emulator.credentials, projects: emulator.projects });
}

function statsOf(emulator: Emulator, cpuAtReset: NodeJS.CpuUsage): EmulatorStats {
  const byOperation: EmulatorStats["byOperation"] = {};
  for (const entry of emulator.requests) byOperation[entry.operation] = (byOperation[entry.operation] ?? 0) + 1;
  const cpu = process.cpuUsage(cpuAtReset);
  return {
    maxInFlight: emulator.maxInFlight,
    requests: emulator.requests.length,
    byOperation,
    failures: emulator.requests.filter((entry) => entry.status !== 200).length,
    cpuMs: (cpu.user + cpu.system) / 1000,
    clientTurnaround: emulator.clientTurnaround,
  };
}

main().catch((error: unknown) => {
  console.error("bench emulator:", error);
  process.exit(1);
});
