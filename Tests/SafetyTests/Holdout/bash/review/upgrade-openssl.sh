# description: Applies the pending OpenSSL security update with apt and lists services that need a restart.
# family: change
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-cache policy openssl libssl3
apt-get install -y --only-upgrade openssl libssl3
dpkg -l openssl libssl3 | tail -n 2
needrestart -b 2>/dev/null || echo "needrestart not installed"
