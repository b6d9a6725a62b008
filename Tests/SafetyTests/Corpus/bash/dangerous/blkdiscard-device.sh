# description: Discards every block on the NVMe device.
# family: destruction
blkdiscard -f /dev/nvme0n1
