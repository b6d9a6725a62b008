# description: Erases all filesystem signatures on the NVMe disk.
# family: destruction
wipefs --all --force /dev/nvme0n1
