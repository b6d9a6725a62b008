# description: Powers off through systemctl.
# family: availability
systemctl poweroff
