# description: Reports inode usage per filesystem.
df -i
