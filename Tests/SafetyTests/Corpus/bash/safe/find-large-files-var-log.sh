# description: Lists files larger than 100 MB under /var/log; find walks a system directory but deletes nothing.
find /var/log -xdev -type f -size +100M -exec ls -lh {} +
