#!/usr/bin/env bash
# A nightly CI step: is every DB instance with cross-region backups in the backup region ready to be restored?
# It prints the report, appends it as Markdown to the job's summary (GitHub Actions' $GITHUB_STEP_SUMMARY), writes
# the timeline page to READINESS_HTML, and fails the step when any instance is not ready.
#
#   MAX_LAG        an instance is stale when its latest restorable time is older (default 15m; 90s, 2h, 1d…)
#   MIN_COVERAGE   percent of each retention window its ranges must cover (default 99.5)
#   READINESS_HTML where to write the page (default readiness.html)
#   RDS_OFFSITE    how to run the command (default: npx --yes pulumi-huaweicloud-rds-offsite)
#
# The connection comes from the job's environment: HW_REGION_NAME (the backup region), HW_ACCESS_KEY and
# HW_SECRET_KEY (or HUAWEICLOUD_SDK_AK / _SK), optionally HW_PROJECT_ID.
#
# Exit status, as rds-offsite readiness's: 0 every instance ok, 1 some are not, 2 bad input, 3 no answer.
set -euo pipefail

read -r -a rds_offsite <<<"${RDS_OFFSITE:-npx --yes pulumi-huaweicloud-rds-offsite}"
summary=${GITHUB_STEP_SUMMARY:-/dev/stdout}

status=0
"${rds_offsite[@]}" readiness --max-lag "${MAX_LAG:-15m}" --min-coverage "${MIN_COVERAGE:-99.5}" \
  --markdown --html "${READINESS_HTML:-readiness.html}" >>"$summary" || status=$?

case $status in
  0) echo "Ready: every instance can be restored within ${MAX_LAG:-15m} of now." ;;
  1) echo "Not ready: see the job summary and ${READINESS_HTML:-readiness.html} for the instances, worst first." >&2 ;;
  *) echo "No answer (exit status $status): the readiness of the backup region is unknown." >&2 ;;
esac
exit "$status"
