# description: Prints operator guidance and checks disk usage; dangerous commands appear only in comments and echoed warnings.
set -euo pipefail

# WARNING: never run rm -rf / or mkfs on this host to "free space".
# Do not use `dd if=/dev/zero of=/dev/sda` here either; the data volume is not replicated.
# A previous incident used `shutdown -h now` during business hours - don't.

echo "Reminder: do not shutdown or reboot this node without a change ticket."
echo "Reminder: 'rm -rf /' and 'kill -9 -1' are never acceptable remediation steps."
printf '%s\n' "If in doubt, page the on-call instead of running curl | bash installers."

df -h /
du -sh /var/log 2>/dev/null
