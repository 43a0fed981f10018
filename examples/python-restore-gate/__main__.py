"""The restore gate in Python, with the generated SDK of the provider plugin."""

from datetime import datetime, timezone

import pulumi
import pulumi_huaweicloud_rds_offsite as rds_offsite

config = pulumi.Config()
instance_id = config.require("sourceInstanceId")
restore_time = config.require("restoreTime")


def utc(epoch_ms: int) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, tz=timezone.utc).isoformat().replace("+00:00", "Z")


# Each call runs during `pulumi preview`, in the plugin, and leaves nothing in state.
# The instances whose backups are copied to the backup region, and the one to restore, looked up by its id.
listing = rds_offsite.get_offsite_backup_instances()
source = rds_offsite.get_offsite_backup_instances(instance_id=instance_id)
if not source.instances:
    raise pulumi.RunError(f"DB instance {instance_id} has no cross-region backup in {listing.region}.")

# The gate: with on_unavailable="fail", a time no range contains fails the call itself, and so the preview, with the
# refusal: the time in UTC and the nearest ranges.
# The Pulumi Python SDK raises a failed call as a plain Exception, which it prints with a traceback: as a RunError the
# refusal is printed alone, on one line.
try:
    check = rds_offsite.check_restore_time(instance_id=instance_id, restore_time=restore_time, on_unavailable="fail")
except Exception as refusal:
    raise pulumi.RunError(str(refusal)) from None

# Feed the checked time (epoch milliseconds) to the restore, e.g. the huaweicloud provider's
# huaweicloud.rds.Instance(..., restore={"instance_id": instance_id, "restore_time": check.restore_time}).
pulumi.export("instancesWithOffsiteBackups", listing.total_count)
pulumi.export("sourceRegion", source.instances[0].source_region)
pulumi.export("restorable", check.restorable)
pulumi.export("restoreTime", check.restore_time)
pulumi.export("range", {"start": utc(check.range.start_time), "end": utc(check.range.end_time)})
