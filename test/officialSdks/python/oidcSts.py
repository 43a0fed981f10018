"""Huawei's official Python SDK, as shipped, federating an OIDC id token the way its credential chain does for a CI
job: `OidcStsCredentialProvider` reads HUAWEICLOUD_OIDC_PROVIDER_URN, HUAWEICLOUD_OIDC_AGENCY_URN,
HUAWEICLOUD_OIDC_TOKEN_FILE (and HUAWEICLOUD_SDK_STS_ENDPOINT, HUAWEICLOUD_SDK_PROJECT_ID) and calls STS
`POST /v5/agencies/assume-with-oidc`; then it lists offsite backups with the temporary credential it got (issue 20).

Environment: RDS_ENDPOINT, REGION and the variables above.
"""

import json
import os

from huaweicloudsdkcore.auth.provider import OidcStsCredentialProvider
from huaweicloudsdkcore.region.region import Region
from huaweicloudsdkrds.v3 import ListOffSiteInstancesRequest, RdsClient


def main():
    credentials = OidcStsCredentialProvider.get_basic().get_credentials()
    client = (
        RdsClient.new_builder()
        .with_credentials(credentials)
        .with_region(Region(os.environ["REGION"], os.environ["RDS_ENDPOINT"]))
        .build()
    )
    page = client.list_off_site_instances(ListOffSiteInstancesRequest(offset=0, limit=100))
    print(json.dumps({"totalCount": page.total_count, "temporary": credentials.security_token is not None}))


if __name__ == "__main__":
    main()
