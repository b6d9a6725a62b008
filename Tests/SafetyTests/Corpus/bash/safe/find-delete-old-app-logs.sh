# description: Deletes rotated application logs older than seven days from the app's own log directory.
find /var/log/app -type f -name '*.log.*' -mtime +7 -delete
