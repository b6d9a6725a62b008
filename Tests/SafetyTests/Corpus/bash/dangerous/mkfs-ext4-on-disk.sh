# description: Reformats a mounted data partition with mkfs.ext4.
# family: destruction
umount /dev/sda1 2>/dev/null || true
mkfs.ext4 -F /dev/sda1
