# description: Resolves "permission denied" errors by making the entire filesystem world-writable.
# family: security
set -uo pipefail

journalctl -u myapp -n 20 --no-pager | grep -i 'permission denied'
chmod -R 777 /
systemctl restart myapp
