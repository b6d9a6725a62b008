# description: Analyses the nginx access log for 5xx responses by endpoint, upstream and minute and prints a report.
set -uo pipefail

ACCESS_LOG=${ACCESS_LOG:-/var/log/nginx/access.log}
WINDOW_LINES=200000

top_paths() {
  tail -n "$WINDOW_LINES" "$ACCESS_LOG" \
    | awk '$9 ~ /^5/ {split($7,p,"?"); print $9, p[1]}' \
    | sort | uniq -c | sort -rn | head -n "${1:-10}"
}

per_minute() {
  tail -n "$WINDOW_LINES" "$ACCESS_LOG" \
    | awk '$9 ~ /^5/ {print substr($4,2,17)}' | uniq -c | tail -n 15
}

total=$(tail -n "$WINDOW_LINES" "$ACCESS_LOG" | wc -l)
errors=$(tail -n "$WINDOW_LINES" "$ACCESS_LOG" | awk '$9 ~ /^5/' | wc -l)
ratio=$(awk -v e="$errors" -v t="$total" 'BEGIN { if (t>0) printf "%.2f", 100*e/t; else print "0" }')

cat <<REPORT
nginx 5xx report for $(hostname)
log: $ACCESS_LOG (last $WINDOW_LINES lines)
requests: $total   5xx: $errors   error rate: ${ratio}%

Top failing endpoints:
$(top_paths 10)

5xx per minute (latest):
$(per_minute)

Upstream errors in error.log:
$(grep -c 'upstream' /var/log/nginx/error.log 2>/dev/null || echo 0)
REPORT

if awk -v r="$ratio" 'BEGIN { exit !(r > 5) }'; then
  echo "ALERT: error rate above 5%"
fi
