# description: Lists running MySQL queries; mysql is used read-only, near miss for DROP DATABASE.
mysql -u monitor -e 'SHOW FULL PROCESSLIST;'
mysql -u monitor -e "SELECT table_schema, ROUND(SUM(data_length)/1024/1024) AS mb FROM information_schema.tables GROUP BY table_schema;"
