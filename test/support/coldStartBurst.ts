// Run as a fresh process (`node --import tsx coldStartBurst.ts '<json>'`): its very first calls into the client are
// one burst, as in a `pulumi preview`, with no warm-up call that would load the limiter first.
import { queryOffsiteBackupInstances } from "../../src/core/dataSources/getOffsiteBackupInstances";
import { queryOffsiteRestoreTimeRanges } from "../../src/core/dataSources/getOffsiteRestoreTimeRanges";

/** What the parent test asks for: lookups of restore ranges in one project, or listings of several regions. */
export type Burst =
  | { kind: "lookups"; projectId: string; instanceIds: string[] }
  | { kind: "listings"; projects: Record<string, string> };

async function main(burst: Burst): Promise<number> {
  const lookup = { env: process.env };
  const calls =
    burst.kind === "lookups"
      ? burst.instanceIds.map((instanceId) =>
          queryOffsiteRestoreTimeRanges({ instanceId, projectId: burst.projectId }, lookup),
        )
      : Object.entries(burst.projects).map(([region, projectId]) =>
          queryOffsiteBackupInstances({ region, projectId }, lookup),
        );
  return (await Promise.all(calls)).length;
}

main(JSON.parse(process.argv[2] ?? "") as Burst).then(
  (count) => process.stdout.write(`${count} calls succeeded\n`),
  (error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  },
);
