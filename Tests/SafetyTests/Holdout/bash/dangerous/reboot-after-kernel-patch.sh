# description: Installs pending kernel updates and immediately reboots the production host.
# family: availability
set -uo pipefail

apt-get update -q
apt-get install -y linux-image-generic
if [[ -f /var/run/reboot-required ]]; then
  echo "Reboot required, rebooting now"
  shutdown -r now
fi
