# description: Shreds a whole block device.
# family: destruction
shred -v -n 1 -z /dev/sdb
