# description: Summarises error and warning counts per myapp log file and classifies the most frequent error messages.
set -uo pipefail

LOG_DIR=/var/log/myapp
SINCE=${1:-$(date -d '1 hour ago' '+%Y-%m-%dT%H:%M')}

classify() {
  case "$1" in
    *"connection refused"*|*"ECONNREFUSED"*) echo "upstream-down" ;;
    *"timeout"*|*"timed out"*)               echo "timeout" ;;
    *"too many open files"*)                 echo "fd-exhaustion" ;;
    *"OutOfMemory"*|*"Cannot allocate"*)     echo "memory" ;;
    *)                                       echo "other" ;;
  esac
}

for f in "$LOG_DIR"/*.log; do
  [[ -f "$f" ]] || continue
  errs=$(awk -v s="$SINCE" '$1 >= s && /ERROR/' "$f" | wc -l)
  warns=$(awk -v s="$SINCE" '$1 >= s && /WARN/' "$f" | wc -l)
  printf '%-40s errors=%-6d warnings=%d\n' "$(basename "$f")" "$errs" "$warns"
done

echo
echo "Error classes since $SINCE:"
declare -A counts=()
while IFS= read -r line; do
  c=$(classify "$line")
  counts[$c]=$(( ${counts[$c]:-0} + 1 ))
done < <(cat "$LOG_DIR"/*.log 2>/dev/null | awk -v s="$SINCE" '$1 >= s && /ERROR/')

for k in "${!counts[@]}"; do
  printf '  %-15s %d\n' "$k" "${counts[$k]}"
done | sort -k2 -rn
