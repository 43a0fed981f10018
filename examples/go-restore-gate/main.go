// The restore gate in Go, with the SDK generated from the provider plugin's schema (sdks/go).
package main

import (
	"fmt"
	"time"

	offsite "github.com/pulumi-huaweicloud-rds-offsite/pulumi-huaweicloud-rds-offsite/sdks/go/huaweicloudrdsoffsite"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi/config"
)

func main() {
	pulumi.Run(func(ctx *pulumi.Context) error {
		cfg := config.New(ctx, "")
		instanceID := cfg.Require("sourceInstanceId")
		restoreTime := cfg.Require("restoreTime")

		// Each call runs during `pulumi preview`, in the plugin, and leaves nothing in state.
		// The instances whose backups are copied to the backup region, and the one to restore, looked up by its id.
		listing, err := offsite.GetOffsiteBackupInstances(ctx, &offsite.GetOffsiteBackupInstancesArgs{})
		if err != nil {
			return err
		}
		source, err := offsite.GetOffsiteBackupInstances(ctx, &offsite.GetOffsiteBackupInstancesArgs{InstanceId: &instanceID})
		if err != nil {
			return err
		}
		if len(source.Instances) == 0 {
			return fmt.Errorf("DB instance %s has no cross-region backup in %s", instanceID, listing.Region)
		}

		// The gate: with OnUnavailable "fail", a time no range contains fails the call itself, and so the preview, with
		// the refusal: the time in UTC and the nearest ranges.
		fail := "fail"
		check, err := offsite.CheckRestoreTime(ctx, &offsite.CheckRestoreTimeArgs{
			InstanceId:    instanceID,
			RestoreTime:   restoreTime,
			OnUnavailable: &fail,
		})
		if err != nil {
			return err
		}

		// Feed the checked time (epoch milliseconds) to the restore resource of the huaweicloud provider.
		ctx.Export("instancesWithOffsiteBackups", pulumi.Int(listing.TotalCount))
		ctx.Export("sourceRegion", pulumi.StringPtrFromPtr(source.Instances[0].SourceRegion))
		ctx.Export("restorable", pulumi.Bool(check.Restorable))
		ctx.Export("restoreTime", pulumi.Float64(check.RestoreTime))
		ctx.Export("rangeEnd", pulumi.String(time.UnixMilli(int64(check.Range.EndTime)).UTC().Format(time.RFC3339)))
		return nil
	})
}
