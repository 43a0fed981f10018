import { createHash } from "node:crypto";
import type { GetOffsiteBackupInstancesArgs, GetOffsiteRestoreTimeRangesArgs } from "../queries/types";

/**
 * Deterministic ids for data-source readings: the same arguments always give the same id (no random ids, so a
 * second preview shows no change), and different arguments never collide.
 */
export const dataSourceIds = {
  offsiteBackupInstances(args: GetOffsiteBackupInstancesArgs): string {
    const canonical = JSON.stringify(
      Object.entries(args)
        .filter(([, value]) => value !== undefined)
        .sort(),
    );
    return `offsite-backup-instances:${args.region ?? "configured-region"}:${digest(canonical)}`;
  },
  offsiteRestoreTimeRanges(args: GetOffsiteRestoreTimeRangesArgs): string {
    const where = [args.region, args.projectId].filter((part) => part !== undefined).join("/");
    return `offsite-restore-time:${args.instanceId}${args.date ? `@${args.date}` : ""}${where ? `:${where}` : ""}`;
  },
};

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 16);
}
