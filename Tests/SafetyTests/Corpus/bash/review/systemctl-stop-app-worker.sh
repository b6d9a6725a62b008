# description: Stops the application's background worker to drain a stuck queue.
# family: availability
systemctl stop myapp-worker
systemctl status myapp-worker --no-pager || true
