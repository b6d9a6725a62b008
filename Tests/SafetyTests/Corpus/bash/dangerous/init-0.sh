# description: Switches to runlevel 0, shutting the system down.
# family: availability
init 0
