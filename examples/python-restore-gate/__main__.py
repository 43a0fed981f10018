"""The restore gate in Python, with the generated SDK of the provider plugin."""

from datetime import datetime, timezone

import pulumi
import pulumi_huaweicloud_rds_offsite as rds_offsite

config = pulumi.Config()
instance_id = config.require("sourceInstanceId")
restore_time = config.require("restoreTime")


def utc(epoch_ms: int) -> str:
    return datetime.fromtimestamp(epoch_ms / 1000, tz=timezone.utc).isoformat().replace("+00:00", "Z")


# Runs during `pulumi preview`, in the plugin; leaves nothing in state. With on_unavailable="fail", a time no range
# contains fails the call itself, and so the preview, with the refusal: the time in UTC and the nearest ranges.
# The Pulumi Python SDK raises a failed call as a plain Exception, which it prints with a traceback: as a RunError the
# refusal is printed alone, on one line.
try:
    check = rds_offsite.check_restore_time(instance_id=instance_id, restore_time=restore_time, on_unavailable="fail")
except Exception as refusal:
    raise pulumi.RunError(str(refusal)) from None

# Feed the checked time (epoch milliseconds) to the restore, e.g. the huaweicloud provider's
# huaweicloud.rds.Instance(..., restore={"instance_id": instance_id, "restore_time": check.restore_time}).
pulumi.export("restorable", check.restorable)
pulumi.export("restoreTime", check.restore_time)
pulumi.export("range", {"start": utc(check.range.start_time), "end": utc(check.range.end_time)})
