# description: Reads the last hour of the nginx unit journal.
journalctl -u nginx --since "1 hour ago" --no-pager | tail -n 200
