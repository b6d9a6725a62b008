# description: Counts open files of the worker whose pid is in its pidfile.
pid=$(cat /run/myapp/worker.pid)
ls /proc/"$pid"/fd | wc -l
grep 'Max open files' /proc/"$pid"/limits
