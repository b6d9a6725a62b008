# description: Prints OS release, kernel and uptime information.
cat /etc/os-release
uname -a
uptime
