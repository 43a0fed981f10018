// Huawei's official Go SDK, as shipped, against the emulator: the SDK's own project lookup through IAM, every page of
// ListOffSiteInstances, ListOffSiteRestoreTimes (with and without a date), and one error answer. It prints what the
// SDK parsed into its models, as JSON, for test/contract/officialSdks.test.ts to compare with the emulator's dataset.
//
// Environment: RDS_ENDPOINT, IAM_ENDPOINT, REGION, AK, SK, MISSING_INSTANCE_ID.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/region"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	rds "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/rds/v3"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/rds/v3/model"
)

type output struct {
	ProjectId    string                                               `json:"projectId"`
	TotalCount   int32                                                `json:"totalCount"`
	Pages        int                                                  `json:"pages"`
	Instances    []model.OffsiteBackupInstance                        `json:"instances"`
	RestoreTimes map[string][]model.GetRestoreTimeResponseRestoreTime `json:"restoreTimes"`
	DatedTimes   []model.GetRestoreTimeResponseRestoreTime            `json:"datedTimes"`
	Error        *sdkerr.ServiceResponseError                         `json:"error"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	credentials, err := basic.NewCredentialsBuilder().
		WithAk(os.Getenv("AK")).
		WithSk(os.Getenv("SK")).
		WithIamEndpointOverride(os.Getenv("IAM_ENDPOINT")).
		SafeBuild()
	if err != nil {
		return err
	}
	hc, err := rds.RdsClientBuilder().
		WithRegion(region.NewRegion(os.Getenv("REGION"), os.Getenv("RDS_ENDPOINT"))).
		WithCredential(credentials).
		SafeBuild()
	if err != nil {
		return err
	}
	client := rds.NewRdsClient(hc)
	out := output{ProjectId: credentials.ProjectId, RestoreTimes: map[string][]model.GetRestoreTimeResponseRestoreTime{}}

	for {
		var offset interface{} = len(out.Instances)
		var limit interface{} = 100
		page, err := client.ListOffSiteInstances(&model.ListOffSiteInstancesRequest{Offset: &offset, Limit: &limit})
		if err != nil {
			return err
		}
		out.Pages++
		out.TotalCount = *page.TotalCount
		if page.OffsiteBackupInstances == nil || len(*page.OffsiteBackupInstances) == 0 {
			break
		}
		out.Instances = append(out.Instances, *page.OffsiteBackupInstances...)
		if int32(len(out.Instances)) >= out.TotalCount {
			break
		}
	}

	for _, instance := range out.Instances[:3] {
		times, err := client.ListOffSiteRestoreTimes(&model.ListOffSiteRestoreTimesRequest{InstanceId: instance.Id})
		if err != nil {
			return err
		}
		out.RestoreTimes[instance.Id] = *times.RestoreTime
	}
	first := out.RestoreTimes[out.Instances[0].Id][0]
	date := dateOf(first.StartTime)
	dated, err := client.ListOffSiteRestoreTimes(&model.ListOffSiteRestoreTimesRequest{
		InstanceId: out.Instances[0].Id,
		Date:       &date,
	})
	if err != nil {
		return err
	}
	out.DatedTimes = *dated.RestoreTime

	_, err = client.ListOffSiteRestoreTimes(&model.ListOffSiteRestoreTimesRequest{InstanceId: os.Getenv("MISSING_INSTANCE_ID")})
	var answered *sdkerr.ServiceResponseError
	if !errors.As(err, &answered) {
		return fmt.Errorf("expected a service error for the missing instance, got %v", err)
	}
	out.Error = answered

	return json.NewEncoder(os.Stdout).Encode(out)
}

// The UTC day of an epoch-milliseconds instant, as the API's `date` parameter takes it.
func dateOf(epochMs int64) string {
	return time.UnixMilli(epochMs).UTC().Format("2006-01-02")
}
