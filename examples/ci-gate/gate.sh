#!/usr/bin/env bash
# A CI job step that gates a point-in-time restore: it goes on only when the cross-region (offsite) backup of
# INSTANCE_ID can be restored to RESTORE_TIME, and says why not otherwise.
#
#   INSTANCE_ID    source DB instance whose cross-region backup would be restored
#   RESTORE_TIME   ISO-8601 with a zone (2026-11-20T03:00:00Z), epoch milliseconds, or "latest"
#   RDS_OFFSITE    how to run the command (default: npx --yes pulumi-huaweicloud-rds-offsite)
#
# The connection comes from the job's environment, as for every rds-offsite command: HW_REGION_NAME (the backup
# region), HW_ACCESS_KEY and HW_SECRET_KEY (or HUAWEICLOUD_SDK_AK / _SK), optionally HW_PROJECT_ID.
#
# Exit status, as rds-offsite check's: 0 go, 1 not restorable, 2 bad input, 3 no answer (configuration or API error).
# On GitHub Actions, a go also sets the step output `restore-time` (the time checked, in ISO-8601 UTC).
set -euo pipefail

: "${INSTANCE_ID:?set INSTANCE_ID to the DB instance whose cross-region backup is restored}"
: "${RESTORE_TIME:?set RESTORE_TIME to an ISO-8601 time with a zone, epoch milliseconds, or latest}"
read -r -a rds_offsite <<<"${RDS_OFFSITE:-npx --yes pulumi-huaweicloud-rds-offsite}"

if [ "$RESTORE_TIME" = latest ]; then
  # `|| …` rather than set -e, so the job log says why the step stopped (exit 1: the backup has no restorable time).
  RESTORE_TIME=$("${rds_offsite[@]}" latest --instance-id "$INSTANCE_ID") || {
    status=$?
    echo "Stop: no latest restorable time to restore to (exit status $status)." >&2
    exit "$status"
  }
fi

status=0
"${rds_offsite[@]}" check --instance-id "$INSTANCE_ID" --time "$RESTORE_TIME" || status=$?

case $status in
  0)
    echo "Go: restoring DB instance $INSTANCE_ID to $RESTORE_TIME."
    if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "restore-time=$RESTORE_TIME" >>"$GITHUB_OUTPUT"; fi
    ;;
  1) echo "Stop: choose a restore time within the ranges above." >&2 ;;
  *) echo "Stop: no decision (exit status $status); nothing was checked against the backup." >&2 ;;
esac
exit "$status"
