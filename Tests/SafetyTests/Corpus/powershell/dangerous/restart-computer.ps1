# description: Reboots the server with Restart-Computer.
# family: availability
Restart-Computer -Force
