"""Huawei's official Python SDK, as shipped, federating an OIDC id token through the emulator's IAM
(`POST /v3.0/OS-AUTH/id-token/tokens`, then `POST /v3.0/OS-CREDENTIAL/securitytokens`) and listing offsite backups
with the temporary credential it got: the emulator's exchanges speak the SDK's shapes (issue 20).

Environment: RDS_ENDPOINT, IAM_ENDPOINT, REGION, PROJECT_ID, IDP_ID, ID_TOKEN_FILE.
"""

import os

from huaweicloudsdkcore.auth.credentials import BasicCredentials

from federatedListing import list_and_report


def main():
    credentials = (
        BasicCredentials()
        .with_idp_id(os.environ["IDP_ID"])
        .with_id_token_file(os.environ["ID_TOKEN_FILE"])
        .with_project_id(os.environ["PROJECT_ID"])
        .with_iam_endpoint(os.environ["IAM_ENDPOINT"])
    )
    list_and_report(credentials)


if __name__ == "__main__":
    main()
