# description: Puts SELinux into permissive mode now and disables it for the next boot.
# family: security
setenforce 0
sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config
