# description: Isolates rescue.target, stopping networking and every service.
# family: availability
systemctl isolate rescue.target
