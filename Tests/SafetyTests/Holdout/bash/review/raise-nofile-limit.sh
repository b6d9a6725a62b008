# description: Raises the open-file limit for the myapp service with a systemd drop-in and restarts the service.
# family: change
set -euo pipefail

mkdir -p /etc/systemd/system/myapp.service.d
cat > /etc/systemd/system/myapp.service.d/limits.conf <<'UNIT'
[Service]
LimitNOFILE=65536
UNIT
systemctl daemon-reload
systemctl restart myapp
systemctl show myapp -p LimitNOFILE
