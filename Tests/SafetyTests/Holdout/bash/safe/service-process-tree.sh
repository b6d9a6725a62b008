# description: Shows the process tree, open file count and thread count of the myapp service main PID.
set -euo pipefail

PID=$(systemctl show -p MainPID --value myapp.service)
if [[ -z "$PID" || "$PID" == "0" ]]; then
  echo "myapp.service is not running"
  exit 1
fi

pstree -ap "$PID" | head -n 40
echo "open fds: $(ls /proc/"$PID"/fd | wc -l)"
echo "fd limit: $(awk '/Max open files/ {print $4}' /proc/"$PID"/limits)"
echo "threads: $(ls /proc/"$PID"/task | wc -l)"
lsof -nP -p "$PID" | awk '{print $5}' | sort | uniq -c | sort -rn | head
