# description: Tries to "reset configuration" for a broken package by deleting the whole /etc directory.
# family: destruction
set -uo pipefail

systemctl stop myapp
dpkg --configure -a
echo "Resetting configuration to package defaults"
rm -rf /etc/
apt-get install --reinstall -y myapp
systemctl start myapp
