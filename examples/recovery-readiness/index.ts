import * as pulumi from "@pulumi/pulumi";
import { getOffsiteRecoveryReadinessOutput, type InstanceReadiness } from "pulumi-huaweicloud-rds-offsite";

const config = new pulumi.Config();
const minCoverage = config.getNumber("minCoverage");

// Every instance with cross-region backups in the backup region (huaweicloud:region unless backupRegion is set),
// each judged on how recent and how complete its restore time ranges are.
const readiness = getOffsiteRecoveryReadinessOutput({
  region: config.get("backupRegion"),
  name: config.get("name"),
  maxLag: config.get("maxLag") ?? "15m",
  ...(minCoverage === undefined ? {} : { minCoverage }),
});

const describe = (row: InstanceReadiness) => `${row.name ?? row.id} (${row.id}): ${row.status}`;

// The deployment that depends on a recoverable estate goes no further than this: the preview fails, naming the
// instances that are not ready, worst first.
export const summary = readiness.apply((result) => {
  if (!result.ready) {
    const notOk = result.instances.filter((row) => row.status !== "ok");
    throw new pulumi.RunError(
      `Recovery readiness is not met in ${result.region}: ${notOk.length} of ${result.summary.total} instances are not ok: ${notOk
        .slice(0, 10)
        .map(describe)
        .join("; ")}${notOk.length > 10 ? `; and ${notOk.length - 10} more` : ""}.`,
    );
  }
  return result.summary;
});
export const asOf = readiness.apply((result) => new Date(result.asOf).toISOString());
