# description: Reboots with shutdown /r to clear a hung service.
# family: availability
# service is hung; bounce the box
shutdown /r /t 0
