# description: Restarts nginx after a config test; a service restart needs a human's approval.
# family: availability
nginx -t
systemctl restart nginx
systemctl is-active nginx
