"""Huawei's official Python SDK, as shipped, against the emulator: the SDK's own project lookup through IAM, every
page of ListOffSiteInstances, ListOffSiteRestoreTimes (with and without a date), and one error answer. Prints what the
SDK parsed into its models, as JSON, for test/contract/officialSdks.test.ts to compare with the emulator's dataset.

Environment: RDS_ENDPOINT, IAM_ENDPOINT, REGION, AK, SK, MISSING_INSTANCE_ID.
"""

import datetime
import json
import os

from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.exceptions.exceptions import ClientRequestException
from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkrds.v3 import (
    ListOffSiteInstancesRequest,
    ListOffSiteRestoreTimesRequest,
    RdsClient,
)


def main():
    credentials = BasicCredentials(os.environ["AK"], os.environ["SK"]).with_iam_endpoint(os.environ["IAM_ENDPOINT"])
    client = (
        RdsClient.new_builder()
        .with_credentials(credentials)
        .with_region(Region(os.environ["REGION"], os.environ["RDS_ENDPOINT"]))
        .build()
    )
    out = {"projectId": credentials.project_id, "pages": 0, "instances": [], "restoreTimes": {}}

    while True:
        page = client.list_off_site_instances(ListOffSiteInstancesRequest(offset=len(out["instances"]), limit=100))
        out["pages"] += 1
        out["totalCount"] = page.total_count
        if not page.offsite_backup_instances:
            break
        out["instances"].extend(instance.to_dict() for instance in page.offsite_backup_instances)
        if len(out["instances"]) >= page.total_count:
            break

    for instance in out["instances"][:3]:
        times = client.list_off_site_restore_times(ListOffSiteRestoreTimesRequest(instance_id=instance["id"]))
        out["restoreTimes"][instance["id"]] = [time.to_dict() for time in times.restore_time]
    first = out["restoreTimes"][out["instances"][0]["id"]][0]
    date = datetime.datetime.fromtimestamp(first["start_time"] / 1000, datetime.timezone.utc).strftime("%Y-%m-%d")
    dated = client.list_off_site_restore_times(
        ListOffSiteRestoreTimesRequest(instance_id=out["instances"][0]["id"], date=date)
    )
    out["datedTimes"] = [time.to_dict() for time in dated.restore_time]

    try:
        client.list_off_site_restore_times(ListOffSiteRestoreTimesRequest(instance_id=os.environ["MISSING_INSTANCE_ID"]))
        raise SystemExit("expected a service error for the missing instance")
    except ClientRequestException as error:
        out["error"] = {
            "status_code": error.status_code,
            "error_code": error.error_code,
            "error_message": error.error_msg,
            "request_id": error.request_id,
        }

    print(json.dumps(out))


if __name__ == "__main__":
    main()
