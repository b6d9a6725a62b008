# description: Applies all pending yum updates.
# family: availability
yum -y update
needs-restarting -r || true
