# description: Checks whether sshd is running; a read-only near miss for rules about stopping sshd.
systemctl status sshd --no-pager || true
systemctl is-enabled sshd
