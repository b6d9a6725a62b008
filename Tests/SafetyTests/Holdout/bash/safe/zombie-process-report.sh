# description: Reports zombie processes and their parents so the owning service can be identified.
set -uo pipefail

zombies=$(ps -eo stat=,pid=,ppid=,comm= | awk '$1 ~ /^Z/')
if [[ -z "$zombies" ]]; then
  echo "no zombie processes"
  exit 0
fi

echo "STAT PID PPID COMM"
echo "$zombies"
echo
echo "Parents:"
echo "$zombies" | awk '{print $3}' | sort -u | while read -r ppid; do
  ps -o pid,user,etime,cmd -p "$ppid" --no-headers
  systemctl status "$ppid" --no-pager -n 0 2>/dev/null | head -n 1
done
