# description: Prints the unit file and timers of the application without changing them.
systemctl cat myapp.service
systemctl list-timers --all --no-pager
systemctl show myapp.service -p ActiveState -p NRestarts
