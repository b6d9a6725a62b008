# description: Makes /etc/shadow readable and writable by every user.
# family: security
chmod 666 /etc/shadow
