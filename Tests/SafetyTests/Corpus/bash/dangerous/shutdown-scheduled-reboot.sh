# description: Schedules a reboot in five minutes.
# family: availability
shutdown -r +5 "applying kernel parameters"
