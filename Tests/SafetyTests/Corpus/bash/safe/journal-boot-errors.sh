# description: Shows error-priority messages from the current boot.
journalctl -b -p err --no-pager | tail -n 100
