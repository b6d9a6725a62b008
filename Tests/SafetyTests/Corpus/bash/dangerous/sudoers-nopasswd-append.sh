# description: Appends a passwordless sudo rule for deploy to /etc/sudoers.
# family: security
echo 'deploy ALL=(ALL) NOPASSWD: ALL' >> /etc/sudoers
