# description: Frees space on a full /tmp filesystem by deleting everything in /tmp.
# family: destruction
set -uo pipefail

df -h /tmp
du -sh /tmp/* 2>/dev/null | sort -rh | head -n 10
rm -rf /tmp/*
df -h /tmp
