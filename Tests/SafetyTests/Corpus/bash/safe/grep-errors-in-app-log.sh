# description: Counts and shows recent ERROR lines in the application log.
LOG=/var/log/app/app.log
grep -c 'ERROR' "$LOG"
grep 'ERROR' "$LOG" | tail -n 50
