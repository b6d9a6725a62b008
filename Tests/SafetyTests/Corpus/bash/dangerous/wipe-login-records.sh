# description: Empties wtmp and lastlog and deletes btmp to erase login records.
# family: security
cat /dev/null > /var/log/wtmp
cat /dev/null > /var/log/lastlog
rm -f /var/log/btmp
