module github.com/pulumi-huaweicloud-rds-offsite/pulumi-huaweicloud-rds-offsite/sdks/go

go 1.25

require github.com/pulumi/pulumi/sdk/v3 v3.256.0
