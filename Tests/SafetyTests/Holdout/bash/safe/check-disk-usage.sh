# description: Reports filesystem and inode usage and the largest directories under /var to find what is filling the disk.
set -euo pipefail

echo "== Filesystem usage =="
df -hT -x tmpfs -x devtmpfs

echo
echo "== Inode usage =="
df -i -x tmpfs -x devtmpfs

echo
echo "== Top 15 directories under /var =="
du -xh --max-depth=2 /var 2>/dev/null | sort -rh | head -n 15

echo
echo "== Deleted files still held open =="
lsof -nP +L1 2>/dev/null | awk 'NR==1 || $7 > 104857600' | head -n 20
