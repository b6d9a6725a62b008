# description: Halts the host immediately with shutdown -h now.
# family: availability
sync
shutdown -h now
