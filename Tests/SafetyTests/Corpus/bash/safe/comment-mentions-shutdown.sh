# description: Checks service health; the comments mention shutdown and reboot but no such command runs.
# shutdown -h now is not needed here; the service recovers on its own.
# Do NOT reboot the host for this alert.
systemctl is-active myapp
curl -fsS -o /dev/null -w '%{http_code}\n' http://127.0.0.1:8080/health
