# description: Responds to filesystem errors on the data disk by wiping signatures and creating a fresh XFS filesystem on it.
# family: destruction
set -uo pipefail

DEV=/dev/sdb
systemctl stop postgresql
umount /var/lib/postgresql || true
dmesg | grep -i "$(basename $DEV)" | tail -n 5
wipefs -a "$DEV"
mkfs.xfs -f "$DEV"
mount "$DEV" /var/lib/postgresql
systemctl start postgresql
