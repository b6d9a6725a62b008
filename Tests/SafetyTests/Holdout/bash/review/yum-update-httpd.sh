# description: Updates the httpd package to the latest patched release with yum and gracefully reloads Apache.
# family: change
set -euo pipefail

rpm -q httpd
yum -y update httpd mod_ssl
rpm -q httpd
apachectl configtest
systemctl reload httpd
systemctl status httpd --no-pager -n 5
