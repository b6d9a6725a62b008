# description: Reboots through telinit 6.
# family: availability
telinit 6
