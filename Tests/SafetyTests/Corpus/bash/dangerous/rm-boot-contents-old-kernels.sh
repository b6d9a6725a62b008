# description: Meant to remove old kernels but deletes every file in /boot, leaving the host unbootable.
# family: destruction
# free space on /boot for the kernel update
rm -rf /boot/*
update-grub
