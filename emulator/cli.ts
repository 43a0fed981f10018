/**
 * npm run emulator -- [--port 8080] [--seed 1] [--instances 237] [--latency 25] [--readiness-cases REGION] [--rate-limit N [--rate-burst N]]
 * Starts the emulator, prints copy-pasteable settings for a client, and runs until SIGINT/SIGTERM.
 */
import { parseArgs } from "node:util";
import { DEFAULT_REGIONS } from "./defaults";
import { startEmulator } from "./emulator";

const usage = `Usage: npm run emulator -- [--port N] [--seed N] [--instances N] [--latency MS] [--readiness-cases REGION]
       [--rate-limit N [--rate-burst N]]
  --port       port on 127.0.0.1 (default: a free one)
  --seed       data seed; same seed, same data (default 1)
  --instances  instances in the first region, ${Object.keys(DEFAULT_REGIONS)[0]} (default ${Object.values(DEFAULT_REGIONS)[0]})
  --latency    milliseconds added to every request (default 0)
  --readiness-cases REGION
               also list in REGION the recovery-readiness cases (stale, holes, unprotected, a failing lookup,
               1,825 days of retention, ready)
  --rate-limit requests per second per project and API; past it, 429 APIG.0308 with Retry-After (default none)
  --rate-burst requests a bucket answers at once after a quiet spell (default rate / 10, at least 1)`;

function integerFlag(values: Record<string, string | boolean | undefined>, name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== "string" || !/^\d+$/.test(raw)) {
    console.error(`--${name} needs a non-negative integer\n\n${usage}`);
    process.exit(2);
  }
  return Number(raw);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      seed: { type: "string" },
      instances: { type: "string" },
      latency: { type: "string" },
      "readiness-cases": { type: "string" },
      "rate-limit": { type: "string" },
      "rate-burst": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    console.log(usage);
    return;
  }
  const [firstRegion] = Object.keys(DEFAULT_REGIONS) as [string];
  const instances = integerFlag(values, "instances");
  const requestsPerSecond = integerFlag(values, "rate-limit");
  const burst = integerFlag(values, "rate-burst");
  const emulator = await startEmulator({
    port: integerFlag(values, "port"),
    seed: integerFlag(values, "seed"),
    latencyMs: integerFlag(values, "latency"),
    regions: { ...DEFAULT_REGIONS, ...(instances === undefined ? {} : { [firstRegion]: instances }) },
    readinessCases: values["readiness-cases"],
    ...(requestsPerSecond === undefined
      ? {}
      : { rateLimit: { requestsPerSecond, ...(burst === undefined ? {} : { burst }) } }),
  });

  console.log(`Huawei Cloud RDS offsite-backup emulator listening on ${emulator.url}\n`);
  for (const [region, projectId] of Object.entries(emulator.projects)) {
    console.log(`  ${region}: project ${projectId}, ${emulator.dataset.instances(region).length} instances`);
  }
  const { accessKey, secretKey } = emulator.credentials;
  console.log(
    `\nexport HW_ACCESS_KEY=${accessKey} HW_SECRET_KEY=${secretKey} HW_REGION_NAME=${firstRegion} ` +
      `HW_RDS_ENDPOINT=${emulator.url} HW_IAM_ENDPOINT=${emulator.url}\n`,
  );
  const example = Object.keys(emulator.projects)
    .map((region) => ({ region, instance: emulator.dataset.instances(region)[0] }))
    .find((candidate) => candidate.instance !== undefined);
  if (example?.instance) console.log(`Example instance id (${example.region}): ${example.instance.id}\n`);
  console.log("Press Ctrl+C to stop.");

  const stop = () => {
    emulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
