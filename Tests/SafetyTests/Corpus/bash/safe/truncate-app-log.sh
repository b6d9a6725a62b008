# description: Empties a runaway application log that the app keeps open; the near miss is truncating a log outside /var/log/auth.log.
ls -lh /var/log/app/app.log
truncate -s 0 /var/log/app/app.log
