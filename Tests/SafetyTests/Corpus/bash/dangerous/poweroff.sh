# description: Powers the host off.
# family: availability
poweroff
