# description: Adds a 4G swap file to relieve memory pressure and registers it in /etc/fstab.
# family: change
set -euo pipefail

if swapon --show | grep -q /swapfile; then
  echo "swapfile already active"; exit 0
fi
fallocate -l 4G /swapfile
chmod 600 /swapfile
mkswap /swapfile
swapon /swapfile
grep -q '^/swapfile ' /etc/fstab || echo '/swapfile none swap sw 0 0' >> /etc/fstab
free -m
