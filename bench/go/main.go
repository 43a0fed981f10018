// The Go peer of `npm run bench`: Huawei's official Go SDK (huaweicloud-sdk-go-v3, services/rds/v3), signing and
// sending as it ships, doing the product's work with 16 goroutines against the bench's emulator. Built by
// bench/go/goPeer.ts into the cache from the Go module proxy, like the official-SDK test program.
//
// Environment: RDS_ENDPOINT, REGION, PROJECT_ID, AK, SK, and WORKERS (goroutines, default 16).
// Modes (first argument), each printing one JSON line {"ms", "requests", "failed"} when done:
//
//	lookups  ListOffSiteRestoreTimes for every instance id on stdin (one a line), by WORKERS goroutines: once untimed
//	         (connections and first-use costs, as the product is measured warm), then timed
//	scan     the readiness scan: page 1 of ListOffSiteInstances, the other pages, then one ListOffSiteRestoreTimes
//	         per instance, each stage by WORKERS goroutines
//	first    one ListOffSiteRestoreTimes of INSTANCE_ID, printing "answered" the moment it answers (the bench times
//	         the process from its start to that line)
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/region"
	rds "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/rds/v3"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/rds/v3/model"
)

const pageSize = 100

type result struct {
	Ms       float64 `json:"ms"`
	Requests int64   `json:"requests"`
	Failed   int64   `json:"failed"`
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run() error {
	if len(os.Args) != 2 {
		return fmt.Errorf("usage: go-peer lookups|scan|first")
	}
	client, err := newClient()
	if err != nil {
		return err
	}
	workers := 16
	if text := os.Getenv("WORKERS"); text != "" {
		if workers, err = strconv.Atoi(text); err != nil || workers < 1 {
			return fmt.Errorf("WORKERS must be an integer >= 1, got %q", text)
		}
	}
	var counts result
	lookUp := func(id string) {
		atomic.AddInt64(&counts.Requests, 1)
		if _, err := client.ListOffSiteRestoreTimes(&model.ListOffSiteRestoreTimesRequest{InstanceId: id}); err != nil {
			atomic.AddInt64(&counts.Failed, 1)
		}
	}
	started := time.Now()
	switch os.Args[1] {
	case "first":
		lookUp(os.Getenv("INSTANCE_ID"))
		if counts.Failed > 0 {
			return fmt.Errorf("the first lookup failed")
		}
		fmt.Println("answered")
		return nil
	case "lookups":
		var ids []string
		scanner := bufio.NewScanner(os.Stdin)
		for scanner.Scan() {
			if line := scanner.Text(); line != "" {
				ids = append(ids, line)
			}
		}
		inParallel(workers, len(ids), func(i int) { lookUp(ids[i]) })
		counts = result{}
		started = time.Now()
		inParallel(workers, len(ids), func(i int) { lookUp(ids[i]) })
	case "scan":
		ids, err := listAll(client, workers, &counts)
		if err != nil {
			return err
		}
		inParallel(workers, len(ids), func(i int) { lookUp(ids[i]) })
	default:
		return fmt.Errorf("unknown mode %q", os.Args[1])
	}
	counts.Ms = float64(time.Since(started).Microseconds()) / 1000
	return json.NewEncoder(os.Stdout).Encode(counts)
}

func newClient() (*rds.RdsClient, error) {
	credentials, err := basic.NewCredentialsBuilder().
		WithAk(os.Getenv("AK")).
		WithSk(os.Getenv("SK")).
		WithProjectId(os.Getenv("PROJECT_ID")).
		SafeBuild()
	if err != nil {
		return nil, err
	}
	hc, err := rds.RdsClientBuilder().
		WithRegion(region.NewRegion(os.Getenv("REGION"), os.Getenv("RDS_ENDPOINT"))).
		WithCredential(credentials).
		SafeBuild()
	if err != nil {
		return nil, err
	}
	return rds.NewRdsClient(hc), nil
}

// Page 1 says how many instances there are; the other pages are then fetched by the workers.
func listAll(client *rds.RdsClient, workers int, counts *result) ([]string, error) {
	page := func(offset int) ([]model.OffsiteBackupInstance, int32, error) {
		atomic.AddInt64(&counts.Requests, 1)
		var o, l interface{} = offset, pageSize
		answer, err := client.ListOffSiteInstances(&model.ListOffSiteInstancesRequest{Offset: &o, Limit: &l})
		if err != nil {
			atomic.AddInt64(&counts.Failed, 1)
			return nil, 0, err
		}
		if answer.OffsiteBackupInstances == nil || answer.TotalCount == nil {
			return nil, 0, fmt.Errorf("page at offset %d has no instances or total_count", offset)
		}
		return *answer.OffsiteBackupInstances, *answer.TotalCount, nil
	}
	first, total, err := page(0)
	if err != nil {
		return nil, err
	}
	pages := (int(total) + pageSize - 1) / pageSize
	rest := make([][]model.OffsiteBackupInstance, pages)
	rest[0] = first
	var failure error
	var once sync.Once
	inParallel(workers, pages-1, func(i int) {
		instances, _, err := page((i + 1) * pageSize)
		if err != nil {
			once.Do(func() { failure = err })
		}
		rest[i+1] = instances
	})
	if failure != nil {
		return nil, failure
	}
	ids := make([]string, 0, total)
	for _, instances := range rest {
		for _, instance := range instances {
			ids = append(ids, instance.Id)
		}
	}
	return ids, nil
}

// Runs work(0..n-1) on `workers` goroutines taking the next index as they finish.
func inParallel(workers, n int, work func(int)) {
	var next int64 = -1
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(atomic.AddInt64(&next, 1)); i < n; i = int(atomic.AddInt64(&next, 1)) {
				work(i)
			}
		}()
	}
	wg.Wait()
}
