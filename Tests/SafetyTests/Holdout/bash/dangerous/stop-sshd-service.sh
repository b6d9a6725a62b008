# description: Responds to SSH brute-force noise by stopping and disabling sshd on a remote-only server.
# family: availability
set -uo pipefail

grep -c 'Failed password' /var/log/auth.log
systemctl stop sshd
systemctl disable sshd
systemctl mask ssh.service
echo "sshd stopped"
