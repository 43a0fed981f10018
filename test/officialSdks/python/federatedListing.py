"""What federation.py and oidcSts.py do once the official Python SDK holds a federated credential: build an RDS client
with it (REGION, RDS_ENDPOINT), list the first page of offsite backups and print, as JSON, the total the SDK parsed and
whether the credential it signed with was a temporary one (it carries a security token). Imported from the scripts'
own directory, which Python puts first on sys.path when it runs a script.
"""

import json
import os

from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkrds.v3 import ListOffSiteInstancesRequest, RdsClient


def list_and_report(credentials):
    client = (
        RdsClient.new_builder()
        .with_credentials(credentials)
        .with_region(Region(os.environ["REGION"], os.environ["RDS_ENDPOINT"]))
        .build()
    )
    page = client.list_off_site_instances(ListOffSiteInstancesRequest(offset=0, limit=100))
    print(json.dumps({"totalCount": page.total_count, "temporary": credentials.security_token is not None}))
