# description: Deletes the application's temporary files older than two days.
find /tmp/myapp -type f -mtime +2 -delete
