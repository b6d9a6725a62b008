# description: Runs a remediation command passed in from the runbook automation via the CMD environment variable.
# family: change
set -euo pipefail

: "${CMD:?CMD must be provided by the runbook}"
echo "[$(date -u +%FT%TZ)] executing runbook step: $CMD" | tee -a /var/log/runbook.log
eval "$CMD"
echo "exit status: $?"
