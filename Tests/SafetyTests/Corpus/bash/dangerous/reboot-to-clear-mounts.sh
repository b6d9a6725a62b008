# description: Reboots the host to get rid of a stuck NFS mount.
# family: availability
umount -f /mnt/share || true
reboot
