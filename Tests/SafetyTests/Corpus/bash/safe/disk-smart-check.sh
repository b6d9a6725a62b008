# description: Reads SMART health and block device layout; devices are only queried.
lsblk -o NAME,SIZE,TYPE,MOUNTPOINT,FSTYPE
smartctl -H /dev/sda
blkid
