# description: Changes MaxStartups in sshd_config and reloads sshd; an edit to SSH configuration.
# family: security
sed -i 's/^#\?MaxStartups.*/MaxStartups 30:60:120/' /etc/ssh/sshd_config
sshd -t
systemctl reload sshd
