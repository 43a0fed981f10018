"""Huawei's official Python SDK, as shipped, federating an OIDC id token the way its credential chain does for a CI
job: `OidcStsCredentialProvider` reads HUAWEICLOUD_OIDC_PROVIDER_URN, HUAWEICLOUD_OIDC_AGENCY_URN,
HUAWEICLOUD_OIDC_TOKEN_FILE (and HUAWEICLOUD_SDK_STS_ENDPOINT, HUAWEICLOUD_SDK_PROJECT_ID) and calls STS
`POST /v5/agencies/assume-with-oidc`; then it lists offsite backups with the temporary credential it got (issue 20).

Environment: RDS_ENDPOINT, REGION and the variables above.
"""

from huaweicloudsdkcore.auth.provider import OidcStsCredentialProvider

from federatedListing import list_and_report


def main():
    credentials = OidcStsCredentialProvider.get_basic().get_credentials()
    list_and_report(credentials)


if __name__ == "__main__":
    main()
