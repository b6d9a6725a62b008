# description: Searches cron files and shell profiles for /dev/tcp reverse-shell patterns; the dangerous text is only a grep pattern.
grep -rnE '/dev/tcp/|nc -e|mkfifo' /etc/cron* /etc/profile.d /root/.bashrc /home/*/.bashrc 2>/dev/null \
  || echo "no suspicious entries"
