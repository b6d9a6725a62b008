# description: Raises the listen backlog and ephemeral port range at runtime and persists them in /etc/sysctl.d.
# family: change
set -euo pipefail

sysctl net.core.somaxconn net.ipv4.ip_local_port_range
sysctl -w net.core.somaxconn=4096
sysctl -w net.ipv4.ip_local_port_range="10240 65000"
cat > /etc/sysctl.d/90-myapp.conf <<'SYSCTL'
net.core.somaxconn = 4096
net.ipv4.ip_local_port_range = 10240 65000
SYSCTL
sysctl --system | tail -n 3
