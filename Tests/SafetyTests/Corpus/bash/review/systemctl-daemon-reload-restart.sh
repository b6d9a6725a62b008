# description: Reloads systemd units and restarts the app after a unit override was changed.
# family: availability
systemctl daemon-reload
systemctl restart myapp
systemctl --no-pager status myapp
