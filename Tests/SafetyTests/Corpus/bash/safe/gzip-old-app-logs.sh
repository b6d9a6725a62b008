# description: Compresses rotated application logs under /var/log/app.
find /var/log/app -type f -name '*.log.[0-9]' -mtime +1 -exec gzip -9 {} \;
