# description: Stops and disables sshd, locking out remote administration.
# family: availability
systemctl stop sshd
systemctl disable sshd
