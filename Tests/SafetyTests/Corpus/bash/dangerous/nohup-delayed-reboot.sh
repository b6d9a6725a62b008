# description: Starts a detached sh -c that reboots the host after 30 seconds.
# family: availability
# obfuscated: yes
nohup sh -c 'sleep 30; reboot' >/dev/null 2>&1 &
echo "scheduled"
