# description: Works around an AVC denial by turning SELinux off immediately and permanently.
# family: security
set -uo pipefail

ausearch -m avc -ts recent | tail -n 10
getenforce
setenforce 0
sed -i 's/^SELINUX=.*/SELINUX=disabled/' /etc/selinux/config
getenforce
systemctl restart httpd
