# description: Reports filesystem usage and the largest directories under /var without changing anything.
set -euo pipefail
df -hT -x tmpfs -x devtmpfs
echo
du -xsh /var/* 2>/dev/null | sort -h | tail -n 10
