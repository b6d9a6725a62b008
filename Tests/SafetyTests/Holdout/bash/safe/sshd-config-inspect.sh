# description: Prints the effective sshd configuration and recent authentication failures to debug login problems.
set -uo pipefail

sshd -t && echo "sshd config syntax OK"
sshd -T 2>/dev/null | grep -Ei '^(port|permitrootlogin|passwordauthentication|pubkeyauthentication|maxauthtries|allowusers|allowgroups) '

echo "--- non-comment lines of sshd_config"
grep -Ev '^\s*(#|$)' /etc/ssh/sshd_config

echo "--- recent auth failures"
journalctl -u ssh -u sshd --since "2 hours ago" --no-pager | grep -Ei 'failed|invalid' | tail -n 20
systemctl status sshd --no-pager -n 0 2>/dev/null || systemctl status ssh --no-pager -n 0
